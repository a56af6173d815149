import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_ACCOUNTS, storyElement, waitForState } from './support.js';

/**
 * `<pd-connect-provider>` shares the user, token source, API, locale and theme with every element
 * inside it; this page's stories all sit in one (see the Storybook preview). Here: the elements
 * together, in each theme and language. Use the toolbar to switch theme and locale on any story.
 */
const meta: Meta = {
  title: 'Elements/pd-connect-provider',
  component: 'pd-connect-provider',
  render: () => html`
    <div class="story-column" style="display: grid; gap: 1rem">
      <div class="story-stack">
        <pd-connect-button app="slack"></pd-connect-button>
        <pd-connect-button app="openai"></pd-connect-button>
      </div>
      <pd-account-list></pd-account-list>
      <pd-app-select label="App" has-actions></pd-app-select>
      <pd-action-form component-key="openai-chat"></pd-action-form>
    </div>
  `,
  parameters: { emulator: { user: 'story-showcase', accounts: SAMPLE_ACCOUNTS } },
  play: async ({ canvasElement }) => {
    await waitForState(await storyElement(canvasElement, 'pd-account-list'), 'ready');
    await waitForState(await storyElement(canvasElement, 'pd-action-form'), 'ready');
  },
};
export default meta;
type Story = StoryObj;

/** English, light. */
export const English: Story = { globals: { locale: 'en', theme: 'light' } };

/** German. */
export const German: Story = { globals: { locale: 'de', theme: 'light' } };

/** Arabic, right to left. */
export const Arabic: Story = { name: 'Arabic (RTL)', globals: { locale: 'ar', theme: 'light' } };

/** Dark theme. */
export const Dark: Story = { globals: { locale: 'en', theme: 'dark' } };

/** Dark and right to left. */
export const DarkArabic: Story = { name: 'Dark, Arabic (RTL)', globals: { locale: 'ar', theme: 'dark' } };
