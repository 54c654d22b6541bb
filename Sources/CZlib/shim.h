#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro Swift cannot call: one whole-buffer gzip compression instead.
   Compresses `in` into `out` (capacity *out_length) as a gzip stream; on Z_OK *out_length is
   the size written. Z_BUF_ERROR when `out` is too small. */
static inline int czlib_gzip(const unsigned char *in, unsigned long in_length,
                             unsigned char *out, unsigned long *out_length, int level) {
    z_stream stream = {0};
    int status = deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    if (status != Z_OK) return status;
    stream.next_in = (unsigned char *)in;
    stream.avail_in = (uInt)in_length;
    stream.next_out = out;
    stream.avail_out = (uInt)*out_length;
    status = deflate(&stream, Z_FINISH);
    *out_length = stream.total_out;
    deflateEnd(&stream);
    if (status == Z_STREAM_END) return Z_OK;
    return status == Z_OK ? Z_BUF_ERROR : status;
}
#endif
