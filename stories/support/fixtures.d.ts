// The project's RTVI session fixtures (test/fixtures/rtvi), imported at build time through the
// `@fixtures` alias in .storybook/main.ts. Their shape is checked at run time by parseScript.
declare module "@fixtures/*.json" {
  const fixture: unknown;
  export default fixture;
}
