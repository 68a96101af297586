# The key-value store of src/servers/kvstore.c as a Cap'n Proto service (docs/capnp.md).
# Regenerate the code in src/lang/capnp/gen/ with `npm run capnp:gen` (needs Debian's capnproto).
@0x98863fe0dbc8bf2d;

struct Entry {
  key @0 :UInt64;
  value @1 :Data;
  ttl @2 :UInt32 = 3600;   # seconds; stored XOR 3600, so the default is all zero bits on the wire
}

interface KvStore {
  get @0 (key :UInt64) -> (value :Data, found :Bool);
  put @1 (entry :Entry, tags :List(UInt64)) -> (replaced :Bool);
  bucket @2 (name :UInt64) -> (store :KvStore);   # returns a capability: a store of its own
}
