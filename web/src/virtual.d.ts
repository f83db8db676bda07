// Types of the modules the build makes (web/vite.config.ts).
declare module "virtual:countries" {
  /** [ISO numeric, ISO alpha-3, common name] */
  const rows: Array<[string, string, string]>;
  export default rows;
}
