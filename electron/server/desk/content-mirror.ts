// PLACEHOLDER (helper B): the content and index sync is helper C's work; this stand-in only has the agreed
// signature so that the desk runtime compiles and runs. The integrator keeps C's version of this file.
export interface ContentMirrorOptions {
  serverUrl: string;
  credential: string;
  contentDir: string;
  dataDir: string;
  fetch?: typeof fetch;
}

export class ContentMirror {
  constructor(readonly options: ContentMirrorOptions) {}

  start(): void {}

  stop(): Promise<void> {
    return Promise.resolve();
  }

  syncOnce(): Promise<{ changed: number }> {
    return Promise.resolve({ changed: 0 });
  }
}
