package cn.zhibu.exports;

/**
 * Why an export failed, in words meant for the one who asked for it (a limit reached, a claim lost): stored as the
 * export's error. Any other exception is stored as a generic reason, its detail only logged.
 */
class ExportFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExportFailure(String reason) {
        super(reason);
    }
}
