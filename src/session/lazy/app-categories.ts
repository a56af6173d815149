export { AppCategoriesClient as Client } from '@pipedream/sdk/appCategories';
