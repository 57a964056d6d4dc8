/**
 * Chinese input methods in full-width mode type `１３８`, `Ａ座`, `＋８６` and the ideographic
 * space. These are the same characters to a person, so what is stored is their ASCII form: a
 * number is then one key, and a search for `A座` finds `Ａ座`.
 */
const fullWidthAscii = /[\uff01-\uff5e\u3000]/g;
const fullWidthAlphanumeric = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g;

const toAscii = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Every full-width ASCII character (digits, letters, `＋－（）＃`…) as its ASCII form: for numbers and codes. */
export const halfWidth = (text: string): string => text.replace(fullWidthAscii, toAscii);

/**
 * Full-width digits, Latin letters and the ideographic space as ASCII, for free text. Chinese
 * punctuation (，。：？（）) stays as typed: it is how Chinese is written, not a typing slip.
 */
export const halfWidthAlphanumerics = (text: string): string => text.replace(fullWidthAlphanumeric, toAscii);
