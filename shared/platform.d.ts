// shared/ runs in Node, the renderer and the server. It may use only what all three provide,
// so we declare the few Web Platform globals it relies on instead of pulling in DOM or Node types.
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
