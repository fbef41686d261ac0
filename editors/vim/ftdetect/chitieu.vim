" chitieu rule files
autocmd BufRead,BufNewFile *.ct setfiletype chitieu
