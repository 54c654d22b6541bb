// The auth cache's key (gateway.conf, /_auth): nginx writes a cache key in plain text at the
// top of each cache file, so the key holds a SHA-256 digest of the Authorization header,
// never the token itself. Evaluated only where the variable is used (the /_auth subrequest).
function digest(r) {
    var header = r.headersIn.Authorization || '';
    return require('crypto').createHash('sha256').update(header).digest('base64url');
}

export default { digest };
