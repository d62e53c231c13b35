header inner_t { bit<8> f; }
header outer_t { inner_t inner; }
