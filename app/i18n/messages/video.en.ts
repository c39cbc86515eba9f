// English for video.zh-CN.ts.
import type { videoZhCN } from "./video.zh-CN.ts";

export const videoEn: Record<keyof typeof videoZhCN, string> = {
  "video.status.UPLOADING": "Waiting for the upload",
  "video.status.PROCESSING": "Transcoding",
  "video.status.READY": "Ready to play",
  "video.status.FAILED": "Failed",
  "video.status.progress": "Transcoding {percent}%",
  "video.retry": "Transcode again",

  "video.upload.tooLarge": "The video file is too large (at most {size}).",
  "video.upload.badType": "Only MP4 or MOV video files can be uploaded.",
  "video.upload.missingFile": "Choose a video file to upload.",
  "video.upload.badRequest": "The upload request was incomplete. Go back to the lesson page and upload again.",
  "video.upload.notVideoLesson": "This is a text lesson; it cannot have a video.",
  "video.upload.failed": "The upload did not finish. Please try again.",
  "video.cover.tooLarge": "The cover image is too large (at most {size}).",
  "video.cover.badType": "A cover must be a PNG, JPEG or WebP image.",
  "video.cover.missingFile": "Choose a cover image to upload.",

  "video.error.transcodeFailed": "Transcoding failed: the file may be damaged or in an unsupported format. Try another file, or “Transcode again”.",
  "video.error.ffmpegMissing": "The server has no transcoder (ffmpeg), so videos cannot be processed right now. Please tell an administrator.",
  "video.error.noVideoStream": "This file has no video picture. Please choose another file.",
  "video.error.providerFailed": "The video service could not process this video. Please upload it again.",
  "video.error.providerUnavailable": "The video service is unavailable right now. Please try again later.",
  "video.error.directUnavailable": "Direct uploads are not available; use the normal upload.",
  "video.error.notFound": "This video was not found.",
  "video.error.notFailed": "Only a video that failed can be transcoded again.",
  "video.error.retryUnavailable": "This video cannot be transcoded again; please upload it again.",
  "video.media.forbidden": "You are not allowed to watch this video.",
};
