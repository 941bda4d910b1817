import type { CheckedExpression } from './check-expressions.ts';
import type { CompiledForm, CompiledRule } from './compile-form.ts';
import { EvaluationError } from './errors.ts';
import type { FormIssue } from './evaluate-form.ts';
import { type FormContext, isTargetMissing } from './form-context.ts';
import { formMessages as f } from './form-messages.ts';
import { applyComparison } from './operators.ts';
import type { Message } from './text.ts';
import type { Value } from './values.ts';

/** The outcome of one validation rule on a submission. */
export interface RuleResult {
  rule: string;
  severity: 'error' | 'warning';
  status: 'passed' | 'failed' | 'skipped';
  left: Value;
  right: Value;
  message: Message;
}

/**
 * Evaluates the rules, DHIS2-style. skip_if_any_missing (the default) skips a rule when any value it
 * references is missing; skip_if_all_missing skips it only when all are, and otherwise reads missing
 * numbers as 0; never_skip always evaluates (missing numbers read as 0) and fails a side that still
 * cannot be computed. An evaluation error is reported as an issue on the rule's code and skips the rule.
 */
export function evaluateRules(form: CompiledForm, ctx: FormContext, issues: FormIssue[]): RuleResult[] {
  return form.rules.map((rule) => evaluateRule(rule, ctx, issues));
}

function evaluateRule({ rule, left, right, message }: CompiledRule, ctx: FormContext, issues: FormIssue[]): RuleResult {
  const strategy = rule.missingValueStrategy ?? 'skip_if_any_missing';
  const result: RuleResult = { rule: rule.code, severity: rule.severity, status: 'skipped', left: null, right: null, message };
  const refs = new Map([...left.targets, ...right.targets]);
  let missing = 0;
  for (const [ref, target] of refs) if (isTargetMissing(target, ctx, ref)) missing++;
  const skip = strategy === 'skip_if_any_missing' ? missing > 0 : strategy === 'skip_if_all_missing' && refs.size > 0 && missing === refs.size;
  if (skip) {
    // Still show what can be computed, for the person reading the rule's outcome.
    result.left = quietly(left, ctx);
    result.right = quietly(right, ctx);
    return result;
  }
  ctx.zeroMissing = strategy !== 'skip_if_any_missing';
  try {
    const l = side(left, ctx, 'left', rule.code, issues);
    const r = side(right, ctx, 'right', rule.code, issues);
    if (l === undefined || r === undefined) return result;
    result.left = l;
    result.right = r;
    if (l === null || r === null) {
      result.status = strategy === 'never_skip' ? 'failed' : 'skipped';
      return result;
    }
    try {
      result.status = applyComparison(rule.operator, l, r, 0) === true ? 'passed' : 'failed';
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      issues.push({ item: rule.code, code: 'evaluation', severity: 'error', message: f.ruleTypes(l, r) });
    }
    return result;
  } finally {
    ctx.zeroMissing = false;
  }
}

function side(expr: CheckedExpression, ctx: FormContext, where: string, code: string, issues: FormIssue[]): Value | undefined {
  try {
    return expr.evaluate(ctx);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    issues.push({ item: code, code: 'evaluation', severity: 'error', message: f.evaluation(where, error.message) });
    return undefined;
  }
}

function quietly(expr: CheckedExpression, ctx: FormContext): Value {
  try {
    return expr.evaluate(ctx);
  } catch {
    return null;
  }
}
