// Web-standard globals that every runtime Kinetwin's core runs in (Node ≥ 20, workers, browsers) provides.
// Declared here because src/core compiles with lib ES2022 and no DOM or Node types, so that platform APIs
// (fs, process, document) cannot even type-check in the pure domain layer.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
