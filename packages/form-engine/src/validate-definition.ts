import { type CheckedExpression, checkExpressions } from './check-expressions.ts';
import { checkStructure } from './check-structure.ts';
import type { FormDefinition } from './definition.ts';
import { orderItems } from './dependencies.ts';
import { type FormIndex, type ItemEntry, indexDefinition } from './form-index.ts';
import type { Message } from './text.ts';

/** One fault of a form definition, at a JSON path such as 'sections.2.items.5.relevant'. */
export interface DefinitionProblem {
  path: string;
  /** e.g. duplicate_code, unknown_reference, cycle, or the ExpressionError code of a syntax error. */
  code: string;
  message: Message;
  /** For faults inside an expression: 0-based offset and length of the fault in it. */
  position?: number;
  length?: number;
}

/** What the checks learn about a definition, reused by compileForm so the work is done once. */
export interface DefinitionAnalysis {
  problems: DefinitionProblem[];
  index: FormIndex;
  /** Sound expressions by path ('sections.0.items.3.calculate', 'rules.1.left'). */
  expressions: Map<string, CheckedExpression>;
  /** Items in an order where each comes after what its relevance and calculation read. */
  order: ItemEntry[];
}

/** Checks a definition and keeps what the checks learnt (index, compiled expressions, evaluation order). */
export function analyzeDefinition(def: FormDefinition): DefinitionAnalysis {
  const problems: DefinitionProblem[] = [];
  const index = indexDefinition(def);
  checkStructure(def, index, problems);
  const expressions = checkExpressions(def, index, problems);
  const order = orderItems(index, expressions, problems);
  return { problems, index, expressions, order };
}

/** Every problem of a form definition at once (empty when it can be published); run when a form is saved. */
export function validateDefinition(def: FormDefinition): DefinitionProblem[] {
  return analyzeDefinition(def).problems;
}
