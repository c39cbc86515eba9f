// File types by their first bytes, not by the name or the Content-Type the browser claims.

export type VideoContainer = "mp4";
export type ImageType = "png" | "jpg" | "webp";

/** How many leading bytes the checks below need. */
export const SNIFF_BYTES = 16;

/** MP4, MOV and their relatives (3GP, M4V) start with an ISO base media `ftyp` box: its type sits at offset 4. */
export function sniffVideo(head: Buffer): VideoContainer | null {
  return head.length >= 12 && head.toString("latin1", 4, 8) === "ftyp" ? "mp4" : null;
}

export function sniffImage(head: Buffer): ImageType | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpg";
  if (head.length >= 12 && head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP") return "webp";
  return null;
}

export const IMAGE_CONTENT_TYPES: Record<ImageType, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
};
