/**
 * Letters of other scripts that look like a Latin letter or a digit, as pairs "<letter><looks
 * like>": the part of Unicode's confusables (UTS #39 confusables.txt, via the mapping the npm package
 * `unhomoglyph` ships, Unicode 13) for Latin, Greek, Cyrillic and Cherokee where one letter maps to
 * one ASCII letter or digit, taken in the case the letter is written in (Greek Ν looks like N,
 * ν like v).
 *
 * Why a table here and not the package: the kernel imports nothing but zod and node:crypto (it is
 * the pure vocabulary every decider shares; .dependency-cruiser.js), and a decider's answer must
 * not move when a dependency updates its data: the key names the organisation's name-claim stream.
 * The whole confusables mapping also maps ASCII to ASCII (I → l, m → rn, 0 → O), which would refuse
 * names a person does tell apart and break case-insensitive comparison; this table leaves ASCII
 * alone. Changing it changes keys: bump NAME_KEY_VERSION (name-key.ts).
 *
 * Left out on purpose: æ, œ and the like (letters in daily use, not look-alikes of "ae"); letters
 * with a canonical decomposition (Cyrillic ё is е + ¨, and е is mapped); anything NFKC already folds
 * (full-width, mathematical and circled letters).
 */
const PAIRS = [
  // Latin: IPA letters, small capitals and other letters that pass for ASCII
  'ıi Ƅb ƍg ƖI ƦR Ƨ2 Ʒ3 Ƽ5 ƽs ǀl Ȝ3 Ȣ8 ȣ8 ɑa ɡg ɣy ɩi ɪi ɯw ʋu ʏy ʒ3 ᴄc ᴏo ᴑo ᴜu ᴠv ᴡw ᴢz ᴦr ᶃg ᶌy ẝf ỿy ꜱs Ꝛ2 Ꝫ3 Ꝯ9 ꞘF ꞙf ꞟu Ɜ3 ꞲJ ꞳX ꞴB ꬲe ꬵf ꬽo ꭇr ꭈr ꭎu ꭒu ꭚy',
  // Greek
  'ͿJ ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX αa γy ιi νv οo ρp σo υu ϜF Ϩ2 ϳj ϺM',
  // Cyrillic
  'ЅS ІI ЈJ АA ВB ЕE З3 КK МM НH ОO РP СC ТT УY ХX Ьb аa б6 гr еe оo рp сc уy хx ѕs іi јj ѡw ѴV ѵv ҮY үy һh ҽe ӀI ӏi Ӡ3 ԁd ԌG ԛq ԜW ԝw Ꙅ2 ꙇi',
  // Cherokee capitals (Cherokee is written in capitals)
  'ᎠD ᎡR ᎢT Ꭵi ᎩY ᎪA ᎫJ ᎬE ᎳW ᎷM ᎻH ᎽY ᏀG Ꮒh ᏃZ Ꮞ4 Ꮟb ᏒR ᏔW ᏕS ᏙV ᏚS ᏞL ᏟC ᏢP ᏦK Ꮷd Ꮾ6 ᏳG ᏴB',
  // Cyrillic æ looks like Latin æ
  'Ӕ\u00C6 ӕ\u00E6',
].join(' ');

/**
 * Letters with a stroke or slash that have no decomposition but look like a base letter with an
 * overlay (Norwegian ø = o with U+0338), and the short overlays that look like the long ones: an
 * "ø" typed as o + U+0338 looks exactly like ø.
 */
const OVERLAID: Readonly<Record<string, string>> = {
  ø: 'o\u0338',
  Ø: 'O\u0338',
  ł: 'l\u0338',
  Ł: 'L\u0338',
  đ: 'd\u0335',
  Đ: 'D\u0335',
  ħ: 'h\u0335',
  Ħ: 'H\u0335',
  ŧ: 't\u0335',
  Ŧ: 'T\u0335',
  ƀ: 'b\u0335',
  '\u0337': '\u0338',
  '\u0334': '\u0335',
};

export const CONFUSABLE: ReadonlyMap<string, string> = new Map([
  ...PAIRS.split(' ').map((pair) => {
    const [letter, looksLike] = [...pair];
    return [letter!, looksLike!] as const;
  }),
  ...Object.entries(OVERLAID),
]);
