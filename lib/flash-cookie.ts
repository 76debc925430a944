/** The cookie that carries a one-time success message (lib/flash.ts); proxy.ts removes it after one page. */
export const flashCookieName = 'rotp-flash'
