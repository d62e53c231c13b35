header h_t { bit<8> f; }
struct h_t { bit<8> g; }
