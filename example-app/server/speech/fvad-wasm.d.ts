// The package ships no types; this is the part of its Emscripten module that fvad.ts uses.
declare module "@echogarden/fvad-wasm" {
  export interface FvadModule {
    _fvad_new(): number;
    _fvad_free(inst: number): void;
    _fvad_reset(inst: number): void;
    _fvad_set_mode(inst: number, mode: number): number;
    _fvad_set_sample_rate(inst: number, rate: number): number;
    _fvad_process(inst: number, frame: number, length: number): number;
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    HEAP16: Int16Array;
  }
  const fvad: () => Promise<FvadModule>;
  export default fvad;
}
