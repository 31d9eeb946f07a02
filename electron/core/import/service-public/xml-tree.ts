// DILA's XML as a small typed tree. fast-xml-parser's `preserveOrder` output keeps mixed content in order
// ("texte <MiseEnEvidence>gras</MiseEnEvidence> suite"), which the markdown conversion needs.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}

/** An element, or a text node (entities decoded, whitespace kept as written). */
export type XmlNode = XmlElement | string;

/** A file that is not well-formed XML: `message` is in French and says where. */
export class XmlSyntaxError extends Error {}

const ATTRIBUTES = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Mixed content: the spaces around inline elements are part of the text.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

/** One node of fast-xml-parser's ordered output: `{ Tag: children, ':@': attributes }` or `{ '#text': '…' }`. */
type OrderedNode = Record<string, unknown>;

function convert(nodes: unknown): XmlNode[] {
  if (!Array.isArray(nodes)) return [];
  const out: XmlNode[] = [];
  for (const node of nodes as OrderedNode[]) {
    for (const key of Object.keys(node)) {
      if (key === ATTRIBUTES) continue;
      const value = node[key];
      if (key === '#text') {
        if (value !== undefined && value !== null && value !== '') out.push(String(value));
        continue;
      }
      const rawAttrs = (node[ATTRIBUTES] ?? {}) as Record<string, unknown>;
      const attrs: Record<string, string> = {};
      for (const [name, attr] of Object.entries(rawAttrs)) attrs[name] = String(attr);
      out.push({ name: key, attrs, children: convert(value) });
    }
  }
  return out;
}

/**
 * Parses a whole document and returns its root element. Throws `XmlSyntaxError` for a file that is not
 * well-formed (fast-xml-parser alone is lenient, so its validator runs first).
 */
export function parseXml(text: string): XmlElement {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { line, col, msg } = check.err;
    throw new XmlSyntaxError(`XML mal formé, ligne ${line}, colonne ${col} (${msg})`);
  }
  const roots = convert(parser.parse(text)).filter((node): node is XmlElement => typeof node !== 'string');
  const root = roots[0];
  if (!root) throw new XmlSyntaxError('le fichier ne contient aucun élément XML');
  return root;
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** The child elements of `element`, optionally only those named `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (node): node is XmlElement => typeof node !== 'string' && (name === undefined || node.name === name),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

/** Every element named `name` below `element`, in document order. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    descendants(child, name, found);
  }
  return found;
}

/** All the text below a node, whitespace collapsed. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  return rawText(node)
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

function rawText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  // Blocks are separated by a space so that "<Paragraphe>a</Paragraphe><Paragraphe>b</Paragraphe>" reads "a b".
  const separator = node.name === 'Paragraphe' || node.name === 'Item' ? ' ' : '';
  return node.children.map(rawText).join('') + separator;
}
