/** localStorage key: the shop this phone last opened as a customer, where the installed app starts. */
export const LAST_SHOP = 'dangol.lastShop';
