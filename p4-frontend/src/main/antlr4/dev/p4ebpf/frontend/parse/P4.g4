/*
 * The P4_16 grammar (language specification 1.2.x, plus what p4c accepts beyond it: for loops,
 * compound assignments, entry priorities, list types).
 *
 * Identifiers are parsed uniformly: the grammar does not know which names denote types, and the
 * checker decides what each name is. P4's grammar is ambiguous without that knowledge in two
 * places only, and there the parser relies on the set of names the program declares as types
 * anywhere (TypeNameScan, run on the tokens before parsing):
 *   - "(x) - y": a cast of -y to type x, or a subtraction — a cast only when x is a type name;
 *     the '(' of a cast is retyped L_PAREN_CAST before parsing (Disambiguator);
 *   - "f < a , b > (c)": a call of f with type arguments, or two comparisons — type arguments only
 *     when the first one is a type (a keyword type or a declared type name), as in p4c. Such a '<'
 *     is retyped L_ANGLE_ARGS before parsing (Disambiguator); only it opens the type arguments of
 *     a call, and type contexts accept either kind of '<'.
 * ">>" is two '>' tokens, so that "bit<bit<8>>"-style nesting closes; the AST builder checks that
 * the two '>' of a shift are adjacent. Widths of bit<>, int<> and varbit<> are nonGrtExpressions,
 * which have no top-level '>'.
 */
grammar P4;

tokens { L_ANGLE_ARGS, L_PAREN_CAST }

program : declaration* EOF ;

declaration
    : constantDeclaration
    | externDeclaration
    | actionDeclaration
    | parserDeclaration
    | controlDeclaration
    | typeDeclaration
    | functionDeclaration
    | instantiation
    | errorDeclaration
    | matchKindDeclaration
    | ';'
    ;

// ---------------------------------------------------------------- names and annotations

nonTypeName : IDENTIFIER | APPLY | KEY | ACTIONS | STATE | ENTRIES | TYPE | PRIORITY ;

name : nonTypeName | LIST ;

nonTableKwName : IDENTIFIER | APPLY | PRIORITY | STATE | TYPE ;

annotations : annotation+ ;

annotation
    : '@' annotationName ( '(' annotationBody ')' )?                          # unstructuredAnnotation
    | '@' annotationName '[' ( kvList | expressionList ) ','? ']'             # structuredAnnotation
    | PRAGMA_LINE                                                             # pragmaAnnotation
    ;

annotationBody : ( annotationToken | '(' annotationBody ')' )* ;

annotationToken : ~( '(' | ')' ) ;

annotationName
    : IDENTIFIER | ABSTRACT | ACTION | ACTIONS | APPLY | BOOL | BIT | BREAK | CONST | CONTINUE | CONTROL
    | DEFAULT | ELSE | ENTRIES | ENUM | ERROR | EXIT | EXTERN | FALSE | FOR | HEADER | HEADER_UNION | IF | IN
    | INOUT | INT | KEY | LIST | MATCH_KIND | OUT | PARSER | PACKAGE | PRIORITY | RETURN | SELECT | STATE
    | STRING | STRUCT | SWITCH | TABLE | THIS | TRANSITION | TRUE | TUPLE | TYPE | TYPEDEF | VARBIT | VALUESET
    | VOID | DONTCARE
    ;

kvList : kvPair ( ',' kvPair )* ;

kvPair : name '=' expression ;

// ---------------------------------------------------------------- parameters and arguments

parameterList : ( parameter ( ',' parameter )* )? ;

parameter : annotations? direction? typeRef declarator ( '=' expression )? ;

direction : IN | OUT | INOUT ;

typeParameters : langle name ( ',' name )* '>' ;

/** A '<' in a type context, whichever kind Disambiguator made it. */
langle : '<' | L_ANGLE_ARGS ;

argumentList : ( argument ( ',' argument )* )? ;

argument
    : name '=' expression          # namedArgument
    | expression                   # positionalArgument
    ;

expressionList : ( expression ( ',' expression )* )? ;

// ---------------------------------------------------------------- types

typeRef : typeBase ( '[' expression ']' )* ;

/** A declared name, possibly with C-style array dimensions: {@code bit<8> a[4]} is {@code bit<8>[4] a}. */
declarator : name ( '[' expression ']' )* ;

typeBase
    : baseType                                   # baseTypeRef
    | TUPLE typeArguments                        # tupleTypeRef
    | LIST langle typeArg '>'                    # listTypeRef
    | prefixedName typeArguments?                # namedTypeRef
    ;

prefixedName : '.'? name ;

baseType
    : BOOL                                       # boolType
    | ERROR                                      # errorType
    | MATCH_KIND                                 # matchKindType
    | STRING                                     # stringType
    | INT ( langle nonGrtExpression '>' )?       # intType
    | BIT ( langle nonGrtExpression '>' )?       # bitType
    | VARBIT langle nonGrtExpression '>'         # varbitType
    ;

typeArguments : langle ( typeArg ( ',' typeArg )* )? '>' ;

/** The type arguments of a call or a specialized type in an expression. */
callTypeArguments : L_ANGLE_ARGS ( typeArg ( ',' typeArg )* )? '>' ;

typeArg : typeRef | VOID | DONTCARE ;

typeOrVoid : typeRef | VOID ;

// ---------------------------------------------------------------- type declarations

typeDeclaration
    : derivedTypeDeclaration
    | typedefDeclaration ';'
    | parserTypeDeclaration ';'
    | controlTypeDeclaration ';'
    | packageTypeDeclaration ';'
    ;

derivedTypeDeclaration
    : headerTypeDeclaration
    | headerUnionDeclaration
    | structTypeDeclaration
    | enumDeclaration
    ;

headerTypeDeclaration : annotations? HEADER name typeParameters? '{' structField* '}' ;

headerUnionDeclaration : annotations? HEADER_UNION name typeParameters? '{' structField* '}' ;

structTypeDeclaration : annotations? STRUCT name typeParameters? '{' structField* '}' ;

structField : annotations? typeRef declarator ';' ;

enumDeclaration
    : annotations? ENUM name '{' name ( ',' name )* ','? '}'                                       # plainEnum
    | annotations? ENUM typeRef name '{' specifiedIdentifier ( ',' specifiedIdentifier )* ','? '}'   # serializableEnum
    ;

specifiedIdentifier : name '=' expression ;

errorDeclaration : ERROR '{' name ( ',' name )* ','? '}' ;

matchKindDeclaration : MATCH_KIND '{' name ( ',' name )* ','? '}' ;

typedefDeclaration
    : annotations? TYPEDEF ( typeRef | derivedTypeDeclaration ) declarator     # typedef
    | annotations? TYPE typeRef declarator                                      # newType
    ;

parserTypeDeclaration : annotations? PARSER name typeParameters? '(' parameterList ')' ;

controlTypeDeclaration : annotations? CONTROL name typeParameters? '(' parameterList ')' ;

packageTypeDeclaration : annotations? PACKAGE name typeParameters? '(' parameterList ')' ;

// ---------------------------------------------------------------- externs, functions, instances

externDeclaration
    : annotations? EXTERN nonTypeName typeParameters? '{' methodPrototype* '}'    # externObject
    | annotations? EXTERN functionPrototype ';'                                  # externFunction
    | annotations? EXTERN name ';'                                               # externForward
    ;

functionPrototype : typeOrVoid name typeParameters? '(' parameterList ')' ;

methodPrototype
    : annotations? ABSTRACT? functionPrototype ';'                # method
    | annotations? name '(' parameterList ')' ';'                 # constructor
    ;

functionDeclaration : annotations? functionPrototype blockStatement ;

instantiation : annotations? typeRef '(' argumentList ')' declarator ( '=' '{' objDeclaration* '}' )? ';' ;

objDeclaration : functionDeclaration | instantiation ;

constantDeclaration : annotations? CONST typeRef declarator '=' expression ';' ;

variableDeclaration : annotations? typeRef declarator ( '=' expression )? ';' ;

actionDeclaration : annotations? ACTION name '(' parameterList ')' blockStatement ;

// ---------------------------------------------------------------- parsers

parserDeclaration
    : parserTypeDeclaration ( '(' parameterList ')' )? '{' parserLocalElement* parserState* '}'
    ;

parserLocalElement
    : constantDeclaration
    | instantiation
    | variableDeclaration
    | valueSetDeclaration
    ;

valueSetDeclaration : annotations? VALUESET langle typeRef '>' '(' expression ')' name ';' ;

parserState : annotations? STATE name '{' statementOrDeclaration* transitionStatement? '}' ;

transitionStatement
    : TRANSITION name ';'                                        # gotoTransition
    | TRANSITION SELECT '(' expressionList ')' '{' selectCase* '}'  # selectTransition
    ;

selectCase : keysetExpression ':' name ';' ;

keysetExpression
    : '(' simpleKeysetExpression ( ',' simpleKeysetExpression )* ')'   # tupleKeyset
    | simpleKeysetExpression                                           # singleKeyset
    ;

simpleKeysetExpression
    : expression '&&&' expression      # maskKeyset
    | expression '..' expression       # rangeKeyset
    | DEFAULT                          # defaultKeyset
    | DONTCARE                         # dontCareKeyset
    | expression                       # valueKeyset
    ;

// ---------------------------------------------------------------- controls and tables

controlDeclaration
    : controlTypeDeclaration ( '(' parameterList ')' )? '{' controlLocalDeclaration* APPLY blockStatement '}'
    ;

controlLocalDeclaration
    : constantDeclaration
    | actionDeclaration
    | tableDeclaration
    | instantiation
    | variableDeclaration
    ;

tableDeclaration : annotations? TABLE name '{' tableProperty* '}' ;

tableProperty
    : annotations? KEY '=' '{' keyElement* '}'                                # keyProperty
    | annotations? ACTIONS '=' '{' ( annotations? actionRef ';' )* '}'       # actionsProperty
    | annotations? CONST? ENTRIES '=' '{' entry* '}'                          # entriesProperty
    | annotations? CONST? nonTableKwName '=' expression ';'                   # otherProperty
    ;

keyElement : expression ':' name annotations? ';' ;

actionRef : prefixedName ( '(' argumentList ')' )? ;

entry : CONST? entryPriority? keysetExpression ':' actionRef annotations? ';' ;

entryPriority
    : PRIORITY '=' INTEGER ':'
    | PRIORITY '=' '(' expression ')' ':'
    ;

// ---------------------------------------------------------------- statements

statementOrDeclaration
    : variableDeclaration
    | constantDeclaration
    | instantiation
    | statement
    ;

statement
    : assignmentOrCall ';'                                              # simpleStatement
    | IF '(' expression ')' statement ( ELSE statement )?               # ifStatement
    | ';'                                                               # emptyStatement
    | blockStatement                                                    # blockStmt
    | RETURN expression? ';'                                            # returnStatement
    | EXIT ';'                                                          # exitStatement
    | BREAK ';'                                                         # breakStatement
    | CONTINUE ';'                                                      # continueStatement
    | SWITCH '(' expression ')' '{' switchCase* '}'                     # switchStatement
    | annotations? FOR '(' forInit? ';' expression ';' forUpdate? ')' statement               # forStatement
    | annotations? FOR '(' annotations? typeRef name IN expression ( '..' expression )? ')' statement  # forInStatement
    ;

assignmentOrCall : expression ( assignOp expression )? ;

assignOp
    : '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '|+|=' | '|-|=' | '<<=' | '>>=' | '&=' | '|=' | '^='
    ;

forInit : forInitItem ( ',' forInitItem )* ;

forInitItem
    : annotations? typeRef name ( '=' expression )?     # forInitDeclaration
    | assignmentOrCall                                   # forInitStatement
    ;

forUpdate : assignmentOrCall ( ',' assignmentOrCall )* ;

blockStatement : annotations? '{' statementOrDeclaration* '}' ;

switchCase : switchLabel ':' blockStatement? ;

switchLabel : DEFAULT | expression ;

// ---------------------------------------------------------------- expressions

primary
    : INTEGER                                             # intLiteral
    | STRING_LITERAL                                      # stringLiteral
    | TRUE                                                # trueLiteral
    | FALSE                                               # falseLiteral
    | THIS                                                # thisExpr
    | '...'                                               # dotsExpr
    | DONTCARE                                            # dontCareExpr
    | '.'? nonTypeName                                    # nameExpr
    | ERROR '.' name                                      # errorMemberExpr
    | INVALID                                             # invalidExpr
    | '{' kvList ( ',' '...' )? ','? '}'                  # structExpr
    | '{' expressionList ','? '}'                         # listExpr
    | '(' expression ')'                                  # parenExpr
    ;

expression
    : primary                                                            # primaryExpr
    | expression '.' name                                                # memberExpr
    | expression '[' expression ']'                                      # indexExpr
    | expression '[' expression ':' expression ']'                       # sliceExpr
    | expression '[' expression '+:' expression ']'                      # dynSliceExpr
    | expression callTypeArguments '(' argumentList ')'                  # genericCallExpr
    | expression '(' argumentList ')'                                    # callExpr
    | expression callTypeArguments '.' name                              # specializedMemberExpr
    | L_PAREN_CAST typeRef ')' expression                                # castExpr
    | op=( '!' | '~' | '-' | '+' ) expression                            # unaryExpr
    | expression op=( '*' | '/' | '%' ) expression                       # binaryExpr
    | expression op=( '+' | '-' | '|+|' | '|-|' | '++' ) expression      # binaryExpr
    | expression ( op='<<' | op='>' '>' ) expression                     # shiftExpr
    | expression op='&' expression                                       # binaryExpr
    | expression op='^' expression                                       # binaryExpr
    | expression op='|' expression                                       # binaryExpr
    | expression op=( '<=' | '>=' | '<' | '>' ) expression               # binaryExpr
    | expression op=( '==' | '!=' ) expression                           # binaryExpr
    | expression op='&&' expression                                      # binaryExpr
    | expression op='||' expression                                      # binaryExpr
    | <assoc=right> expression '?' expression ':' expression             # muxExpr
    ;

/** An expression with no top-level '>', for the widths of bit<>, int<> and varbit<>. */
nonGrtExpression
    : primary                                                            # ngPrimary
    | nonGrtExpression '.' name                                          # ngMember
    | nonGrtExpression '[' expression ']'                                # ngIndex
    | nonGrtExpression '[' expression ':' expression ']'                 # ngSlice
    | nonGrtExpression '(' argumentList ')'                              # ngCall
    | op=( '!' | '~' | '-' | '+' ) nonGrtExpression                      # ngUnary
    | nonGrtExpression op=( '*' | '/' | '%' ) nonGrtExpression           # ngBinary
    | nonGrtExpression op=( '+' | '-' | '|+|' | '|-|' | '++' ) nonGrtExpression   # ngBinary
    | nonGrtExpression op='<<' nonGrtExpression                          # ngBinary
    | nonGrtExpression op='&' nonGrtExpression                           # ngBinary
    | nonGrtExpression op='^' nonGrtExpression                           # ngBinary
    | nonGrtExpression op='|' nonGrtExpression                           # ngBinary
    | nonGrtExpression op=( '<=' | '<' ) nonGrtExpression                # ngBinary
    | nonGrtExpression op=( '==' | '!=' ) nonGrtExpression               # ngBinary
    | nonGrtExpression op='&&' nonGrtExpression                          # ngBinary
    | nonGrtExpression op='||' nonGrtExpression                          # ngBinary
    | <assoc=right> nonGrtExpression '?' expression ':' nonGrtExpression # ngMux
    ;

// ---------------------------------------------------------------- lexer

ABSTRACT : 'abstract' ;
ACTION : 'action' ;
ACTIONS : 'actions' ;
APPLY : 'apply' ;
BOOL : 'bool' ;
BIT : 'bit' ;
BREAK : 'break' ;
CONST : 'const' ;
CONTINUE : 'continue' ;
CONTROL : 'control' ;
DEFAULT : 'default' ;
ELSE : 'else' ;
ENTRIES : 'entries' ;
ENUM : 'enum' ;
ERROR : 'error' ;
EXIT : 'exit' ;
EXTERN : 'extern' ;
FALSE : 'false' ;
FOR : 'for' ;
HEADER : 'header' ;
HEADER_UNION : 'header_union' ;
IF : 'if' ;
IN : 'in' ;
INOUT : 'inout' ;
INT : 'int' ;
KEY : 'key' ;
LIST : 'list' ;
MATCH_KIND : 'match_kind' ;
OUT : 'out' ;
PARSER : 'parser' ;
PACKAGE : 'package' ;
PRIORITY : 'priority' ;
RETURN : 'return' ;
SELECT : 'select' ;
STATE : 'state' ;
STRING : 'string' ;
STRUCT : 'struct' ;
SWITCH : 'switch' ;
TABLE : 'table' ;
THIS : 'this' ;
TRANSITION : 'transition' ;
TRUE : 'true' ;
TUPLE : 'tuple' ;
TYPE : 'type' ;
TYPEDEF : 'typedef' ;
VARBIT : 'varbit' ;
VALUESET : 'value_set' ;
VOID : 'void' ;
DONTCARE : '_' ;

/** {@code @pragma} takes the rest of the line; a string in it may span lines. */
PRAGMA_LINE : '@pragma' ( STRING_BODY | ~[\r\n"] )* ;
INVALID : '{#}' ;

MASK : '&&&' ;
DOTS : '...' ;
RANGE : '..' ;
SHL : '<<' ;
AND : '&&' ;
OR : '||' ;
EQ : '==' ;
NE : '!=' ;
GE : '>=' ;
LE : '<=' ;
PP : '++' ;
PLUS : '+' ;
PLUS_SAT : '|+|' ;
MINUS : '-' ;
MINUS_SAT : '|-|' ;
MUL : '*' ;
DIV : '/' ;
MOD : '%' ;
BIT_OR : '|' ;
BIT_AND : '&' ;
BIT_XOR : '^' ;
COMPLEMENT : '~' ;
L_PAREN : '(' ;
R_PAREN : ')' ;
L_BRACKET : '[' ;
R_BRACKET : ']' ;
L_BRACE : '{' ;
R_BRACE : '}' ;
LT : '<' ;
GT : '>' ;
NOT : '!' ;
COLON : ':' ;
PLUS_COLON : '+:' ;
COMMA : ',' ;
QUESTION : '?' ;
DOT : '.' ;
ASSIGN : '=' ;
SEMICOLON : ';' ;
AT : '@' ;
ASSIGN_MUL : '*=' ;
ASSIGN_DIV : '/=' ;
ASSIGN_MOD : '%=' ;
ASSIGN_PLUS : '+=' ;
ASSIGN_MINUS : '-=' ;
ASSIGN_PLUS_SAT : '|+|=' ;
ASSIGN_MINUS_SAT : '|-|=' ;
ASSIGN_SHL : '<<=' ;
ASSIGN_SHR : '>>=' ;
ASSIGN_AND : '&=' ;
ASSIGN_OR : '|=' ;
ASSIGN_XOR : '^=' ;

IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]* ;

INTEGER
    : ( [0-9]+ [ws] )? ( '0' [xX] [0-9a-fA-F_]+ | '0' [dD] [0-9_]+ | '0' [oO] [0-7_]+ | '0' [bB] [01_]+ | [0-9] [0-9_]* )
    ;

STRING_LITERAL : STRING_BODY ;
fragment STRING_BODY : '"' ( '\\' . | ~["\\] )* '"' ;
UNTERMINATED_STRING : '"' ( '\\' . | ~["\\] )* ;

WS : [ \t\r\n\f]+ -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

UNEXPECTED : . ;
