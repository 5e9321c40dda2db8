package cn.zhibu.exports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an export stands. */
@Schema(name = "ExportState", description = "QUEUED, then RUNNING; DONE (downloadable until expiresAt), FAILED "
        + "(see error), or EXPIRED (its file deleted after zhibu.exports.keep-for)")
public enum ExportState { QUEUED, RUNNING, DONE, FAILED, EXPIRED }
