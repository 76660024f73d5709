/** A size in bytes as the import dialog shows it: "2.0 MB". */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
