// Where a command writes: its output, its messages, and whether the messages go to a terminal (for
// the progress line). Its own module so every command can take one without importing main.ts,
// which imports every command.

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly errIsTty: boolean;
}
