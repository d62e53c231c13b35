const bit<8> k = 1;
struct s { k f; }
