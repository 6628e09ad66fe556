// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: Yoga (Ink's layout engine, 3.x) loads its inlined
// WebAssembly without fetch(). Its Emscripten loader fetches the module's data: URL whenever
// fetch is a function, which in Node 20 it is: the first fetch() loads Node's undici (~20 ms
// of the explorer's start-up, before its first frame) only to decode base64 the loader can
// decode itself (atob), as it does where there is no fetch. The bytes, and so Yoga, are the
// same. The build fails when Yoga's loader no longer has what this replaces;
// test/unit/build/yoga-without-fetch.test.ts checks that the patched Yoga lays out as the
// original does and never calls fetch.

const FETCHING = 'function ya(){return w||"function"!=typeof fetch?';

/** yoga-wasm-base64-esm.js with its binary read from the data: URL without fetch(). */
export function transformYogaLoader(source) {
  if (!source.includes(FETCHING))
    throw new Error("yoga-without-fetch: the wasm loader's fetch not found in Yoga; update the plugin");
  return source.replace(FETCHING, "function ya(){return true?");
}

export const patch = {
  name: "yoga-layout-3.2.1-without-fetch",
  files: [
    {
      package: "yoga-layout",
      version: "3.2.1",
      file: "dist/binaries/yoga-wasm-base64-esm.js",
      transform: transformYogaLoader,
    },
  ],
};
