// The chosen language in a plain cookie (not a secret: the session itself is in HttpOnly cookies the page cannot read).
window.walletLang = {
  get: () => (document.cookie.match(/(?:^|; )wallet_lang=([^;]*)/) || [])[1] || "",
  set: (lang) => {
    document.cookie = "wallet_lang=" + lang + "; path=/; max-age=31536000; samesite=strict";
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  },
};
