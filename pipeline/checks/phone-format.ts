import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** A Japanese phone number has 10 digits (11 for mobile and 050/0120 numbers). */
export const phoneFormat: GenericRule = {
  id: 'phone-format',
  description: 'phone numbers are well formed',
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const p of ctx.briefing.programs) {
      const phones = [...p.phones.map((phone) => ({ phone, at: p.at })), ...p.slidePhones];
      for (const { phone, at } of phones) {
        const digits = phone.replace(/-/g, '');
        const ok = /^0\d{9}$/.test(digits) || /^0(?:[5789]0|120)\d{7,8}$/.test(digits);
        if (ok) continue;
        out.push({ id: `phone-format:${p.no}:${phone}`, statement: `施策${p.no}の電話番号の形式が正しい`, pass: false, detail: `${phone} has ${digits.length} digits`, expected: '10 digits (0X-XXXX-XXXX)', actual: phone, figures: [fig('phone', p.name, Number(digits), phone, p.no, at)] });
      }
    }
    return out;
  },
};
