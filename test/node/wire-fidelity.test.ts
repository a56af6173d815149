import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as serializers from '@pipedream/sdk/serialization';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The SDK's own schemas, strictly: no skipped validation, so a missing required field fails. */
const strict = { unrecognizedObjectKeys: 'passthrough', allowUnrecognizedUnionMembers: false, allowUnrecognizedEnumValues: false } as const;

function assertValid(schema: { parse: (raw: unknown, opts: object) => { ok: boolean; errors?: { path: string[]; message: string }[] } }, raw: unknown, what: string) {
  const result = schema.parse(raw, strict);
  assert.ok(result.ok, `${what}: ${JSON.stringify(result.errors?.slice(0, 3))}`);
}

describe('wire fidelity: answers validate against the SDK schemas', () => {
  let f: EmulatorFixture;
  let token: string;
  before(async () => {
    f = await emulatorFixture();
    token = (await f.connectToken('fidelity')).token;
  });
  after(() => f.close());

  it('every component of the catalog', async () => {
    let after: string | null = null;
    let count = 0;
    do {
      const page = await f.call('GET', `/v1/connect/components?limit=100${after ? `&after=${after}` : ''}`, { token });
      assertValid(serializers.GetComponentsResponse, page.body, 'components page');
      for (const component of page.body.data) {
        const one = await f.call('GET', `/v1/connect/components/${component.key}`, { token });
        assertValid(serializers.GetComponentResponse, one.body, component.key);
        count++;
      }
      after = page.body.page_info.end_cursor;
    } while (after);
    assert.ok(count >= 20);
  });

  it('apps, app pages and accounts', async () => {
    const apps = await f.call('GET', '/v1/connect/apps?limit=100', { token });
    assertValid(serializers.ListAppsResponse, apps.body, 'apps page');
    assertValid(serializers.GetAppResponse, (await f.call('GET', '/v1/connect/apps/slack', { token })).body, 'app');
    f.emulator.seedAccount({ externalUserId: 'fidelity', app: 'slack', environment: 'development' });
    const accounts = await f.call('GET', '/v1/connect/accounts', { token });
    assertValid(serializers.ListAccountsResponse, accounts.body, 'accounts page');
  });

  it('configure, reload, run, deploy and token answers', async () => {
    const account = f.emulator.seedAccount({ externalUserId: 'fidelity', app: 'slack', environment: 'development' });
    const slack = { authProvisionId: account.id };
    const configure = await f.call('POST', '/v1/connect/components/configure', {
      token, body: { id: 'slack-send-message', external_user_id: 'fidelity', prop_name: 'conversation', configured_props: { slack } },
    });
    assertValid(serializers.ConfigurePropResponse, configure.body, 'configure');
    const reload = await f.call('POST', '/v1/connect/components/props', {
      token, body: { id: 'google_sheets-add-single-row', external_user_id: 'fidelity', configured_props: {} },
    });
    assertValid(serializers.ReloadPropsResponse, reload.body, 'reload');
    const run = await f.call('POST', '/v1/connect/actions/run', {
      token, body: { id: 'pipedream_utils-inspect-value', external_user_id: 'fidelity', configured_props: { value: [1, 2] } },
    });
    assertValid(serializers.RunActionResponse, run.body, 'run');
    const deploy = await f.call('POST', '/v1/connect/triggers/deploy', {
      token, body: { id: 'slack-new-message-in-channels', external_user_id: 'fidelity', configured_props: { slack }, emit_on_deploy: false },
    });
    assertValid(serializers.DeployTriggerResponse, deploy.body, 'deploy');
    const created = await f.call('POST', `/v1/connect/${f.emulator.projectId}/tokens`, {
      token: await f.accessToken(), body: { external_user_id: 'x' },
    });
    assertValid(serializers.CreateTokenResponse, created.body, 'token');
  });
});
