" Vim syntax file
" Language:   chitieu rule files (.ct)
" The keywords are those of include/chitieu/syntax/keywords.hpp; a test keeps them equal.

if exists("b:current_syntax")
  finish
endif

syn keyword chitieuDeclaration document agency unit ladder field indicator target obligation task
syn keyword chitieuDeclaration check
syn keyword chitieuKeyword kind issuer province title signer implements counted of cite applies to
syn keyword chitieuKeyword measure baseline in parent weight group note allow restates monitor replaces every from until require
syn keyword chitieuKeyword severity error warning lead support deadline output after serves ongoing
syn keyword chitieuKeyword by during between approx within
syn keyword chitieuKeyword month quarter years days issue
syn keyword chitieuType number date level year percent money bool rank text count
syn keyword chitieuFunction sum avg min max share all any growth cumulative prev has
syn keyword chitieuOperatorWord and or not where per
syn keyword chitieuConstant true false due

" Dates (2025-11-05), day/month and month/year (25/11, 12/2025), quarters (Q1), numbers and percents.
syn match chitieuNumber "\<\d\+\(\.\d\+\)\=\([eE][+-]\=\d\+\)\=%\="
syn match chitieuNumber "\.\d\+\([eE][+-]\=\d\+\)\=%\="
syn match chitieuDate "\<\d\{4}-\d\{1,2}-\d\{1,2}\>"
syn match chitieuDate "\<\d\{1,2}/\d\+\>"
syn match chitieuDate "\<Q[1-4]\>"
syn match chitieuOperator ">=\|<=\|==\|!=\|≥\|≤\|[<>=+*/|-]"

syn match chitieuEscape +\\[\\"n]+ contained
syn region chitieuString start=+"+ skip=+\\[\\"]+ end=+"+ end=+$+ oneline contains=chitieuEscape

syn keyword chitieuTodo TODO FIXME XXX NOTE contained
syn match chitieuComment "//.*$" contains=chitieuTodo,@Spell

hi def link chitieuDeclaration Structure
hi def link chitieuKeyword Keyword
hi def link chitieuType Type
hi def link chitieuFunction Function
hi def link chitieuOperatorWord Operator
hi def link chitieuOperator Operator
hi def link chitieuConstant Constant
hi def link chitieuNumber Number
hi def link chitieuDate Number
hi def link chitieuString String
hi def link chitieuEscape SpecialChar
hi def link chitieuComment Comment
hi def link chitieuTodo Todo

let b:current_syntax = "chitieu"
