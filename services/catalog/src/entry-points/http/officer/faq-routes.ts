import { addQuestion } from '../../../domain/lists/add-question.js';
import { editQuestion } from '../../../domain/lists/edit-question.js';
import { listFaq } from '../../../domain/lists/list-faq.js';
import { removeQuestion } from '../../../domain/lists/remove-question.js';
import { questionAnswer } from '../officer-answers.js';
import { faqBody, faqEditBody } from '../officer-schemas.js';
import { questionView } from '../officer-views.js';
import { route } from '../route.js';
import { listSpecs } from './list-specs.js';
import { itemId, me } from './officer.js';

const specs = listSpecs('/api/admin/faq', 'FAQ question', questionAnswer, {
  add: faqBody,
  edit: faqEditBody,
});

/** `/api/admin/faq`: the club's questions and answers. */
export const faqRoutes = [
  route(specs.list, async ({ ctx, claims }) => (await listFaq(ctx.db, me(claims))).map(questionView)),
  route(specs.add, async ({ ctx, claims, body }) =>
    (await addQuestion(ctx, me(claims), body)).map(questionView),
  ),
  route(specs.edit, async ({ ctx, claims, body, params }) =>
    (await editQuestion(ctx, me(claims), itemId(params), body)).map(questionView),
  ),
  route(specs.remove, async ({ ctx, claims, params }) =>
    (await removeQuestion(ctx, me(claims), itemId(params))).map(questionView),
  ),
];
