/** jsonexport (react-admin's CSV writer, the one its default exporter uses) ships no types of its own. */
declare module 'jsonexport/dist' {
  interface Options {
    /** The columns, in order. */
    headers?: string[];
    /** What each of `headers` is called in the file. */
    rename?: string[];
  }
  export default function jsonExport(data: object[], options: Options, callback: (error: Error | null, csv: string) => void): void;
}
