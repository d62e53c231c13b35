@name("unterminated
control c() { apply {} }
