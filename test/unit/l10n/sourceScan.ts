// Finds user-facing text in TypeScript sources that does not go through l10n.t: string and template
// literals in the places where the extension shows words (message and prompt arguments, `title:`,
// `placeHolder:`, `label:`… properties, `.tooltip = …` assignments, new TreeItem(…), the form's
// notices). A literal counts as translated when it sits inside a call to `l10n.t` or `vscode.l10n.t`.
// `// l10n-ignore` on the line exempts it (say why next to it).
import * as ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Calls and the arguments of theirs that are shown to the user: [first, end) (end: to the last). */
const SHOWN_ARGUMENTS = new Map<string, [number, number?]>([
  ['showMessage', [1]],
  ['showInformationMessage', [0]],
  ['showWarningMessage', [0]],
  ['showErrorMessage', [0]],
  ['createWebviewPanel', [1, 2]],
  ['TreeItem', [0, 1]],
  ['notice', [1, 2]],
  ['ConfigError', [0, 1]],
  ['CsvFormatError', [0, 1]],
]);

/** Object properties and assigned members whose value is shown to the user. */
const SHOWN_PROPERTIES = new Set([
  'title', 'placeHolder', 'placeholder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'message',
  'validationMessage', 'text', 'textContent', 'reason', 'action', 'openLabel', 'saveLabel', 'altText',
]);

/** Words left once icons (`$(name)`) and the product name are taken out; none means nothing to translate. */
function hasWords(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replace(/\$\([\w~-]+\)/g, '').replace(/\bTallyfy\b/g, ''));
}

function staticText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => span.literal.text).join(' ');
  return undefined;
}

function isTranslateCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText());
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

export function scanSource(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const lines = source.split('\n');
  const findings: Finding[] = [];

  /** The literals a shown value is made of: through ?:, ||, ??, +, parentheses, arrays and templates. */
  function check(value: ts.Node | undefined, where: string): void {
    if (!value || isTranslateCall(value)) return;
    const text = staticText(value);
    if (text !== undefined) {
      if (!hasWords(text)) {
        if (ts.isTemplateExpression(value)) for (const span of value.templateSpans) check(span.expression, where);
        return;
      }
      const line = sourceFile.getLineAndCharacterOfPosition(value.getStart(sourceFile)).line;
      if (!/l10n-ignore/.test(lines[line] ?? '')) findings.push({ file, line: line + 1, text: text.slice(0, 120), where });
      return;
    }
    if (ts.isParenthesizedExpression(value)) check(value.expression, where);
    else if (ts.isConditionalExpression(value)) {
      check(value.whenTrue, where);
      check(value.whenFalse, where);
    } else if (ts.isBinaryExpression(value) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(value.operatorToken.kind)) {
      check(value.left, where);
      check(value.right, where);
    } else if (ts.isArrayLiteralExpression(value)) {
      for (const element of value.elements) check(element, where);
    }
  }

  function visit(node: ts.Node): void {
    if (isTranslateCall(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const shownRange = SHOWN_ARGUMENTS.get(calleeName(node));
      if (shownRange) (node.arguments ?? []).slice(...shownRange).forEach((argument) => check(argument, `${calleeName(node)}(…)`));
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && SHOWN_PROPERTIES.has(node.name.text)) {
      check(node.initializer, `${node.name.text}:`);
    } else if (
      ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text)
    ) {
      check(node.right, `.${node.left.name.text} =`);
    }
    ts.forEachChild(node, visit);
  }

  visit(sourceFile);
  return findings;
}
