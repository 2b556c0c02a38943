// Loaded with --import in the React 18 test project: every "react" / "react-dom" request,
// from ESM or CommonJS, inside our code or a dependency, resolves to the react-18 aliases.
import Module, { register } from "node:module";

const map = (spec) => spec.replace(/^react(?=$|\/)/, "react-18").replace(/^react-dom(?=$|\/)/, "react-dom-18");
const redirect = (spec) => /^react(-dom)?($|\/)/.test(spec) && !/^react(-dom)?-18/.test(spec);

register(
  "data:text/javascript," +
    encodeURIComponent(`
      const map = ${map.toString()};
      const redirect = ${redirect.toString()};
      export async function resolve(spec, ctx, next) { return next(redirect(spec) ? map(spec) : spec, ctx); }
    `),
  import.meta.url,
);

const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return original.call(this, redirect(request) ? map(request) : request, ...rest);
};
