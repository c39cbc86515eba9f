// Wording that asks applicants for money before they start: fees, deposits, paid training or
// uniforms. Asking workers to pay is the commonest scam in blue-collar hiring; the post form warns
// the author, and the listing marks such posts until a moderator has looked at them.
const FEE_PATTERNS: RegExp[] = [
  /押金/,
  /保证金/,
  /(报名|培训|服装|工服|体检|中介|介绍|手续|工本|资料|建档|入职|办卡|上岗证?)费/,
  /(先|需|要|须)(交|缴|付)(钱|费|款)/,
  /收取?.{0,4}费用/,
  /\b(deposit|registration fee|training fee|uniform fee|agency fee|pay (a|the)? ?fee)\b/i,
];

/** The first suspicious phrase in the text, or null. */
export function feeWording(text: string): string | null {
  for (const pattern of FEE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}
