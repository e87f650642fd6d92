import { addMessages } from '../../i18n';
import { consoleMessages } from '../../i18n/shop/console';

// Imported first by the console's entry points (ShopApp, InvitePage): their words arrive with them.
addMessages(consoleMessages);
