struct pair<A, B> { A first; B second; }
struct s { pair<bit<8>> p; }
