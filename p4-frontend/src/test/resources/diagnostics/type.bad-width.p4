struct s { int<0> f; }
