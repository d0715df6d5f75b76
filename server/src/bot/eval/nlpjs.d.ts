// The parts of NLP.js 4.x (untyped JavaScript) the NLP.js baseline uses.
declare module '@nlpjs/core' {
  export type Container = {
    use(plugin: unknown): void;
    get(name: string): unknown;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  };
  export function containerBootstrap(): Promise<Container>;
}
declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-pl' {
  export const LangPl: unknown;
}
