/**
 * The WHATWG URL class, present in every runtime `shared` runs in (Node and browsers). `shared`
 * compiles without DOM or Node typings so that neither leaks in; this declares the part it uses.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
