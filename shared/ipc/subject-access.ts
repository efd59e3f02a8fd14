import { z } from 'zod';
import { recordsItself } from './audit-spec';
import { method } from './define';

const id = z.string().min(1).max(200);

/** A subject access request: everything held about one person, as a JSON file and a PDF bundle. */
export const subjectAccessMethods = {
  'subjectAccess.export': method(
    z
      .object({ personId: id.optional(), caseId: id.optional() })
      .strict()
      .refine((v) => Boolean(v.personId ?? v.caseId), { message: 'Choose the person, or one of their cases.' }),
    z.object({
      cases: z.number().int().nonnegative(),
      records: z.number().int().nonnegative(),
      json: z.object({ fileName: z.string(), text: z.string() }),
      pdf: z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int().positive() }),
    }),
    { audit: recordsItself('writes its own "subject access export" entry') },
  ),
};
