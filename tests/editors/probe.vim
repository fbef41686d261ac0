" Prints the file type, then the syntax group at each probed line and column of the sample.
redir! > $PROBE_OUT
echo &filetype
for [l, c] in [[1, 1], [1, 11], [1, 22], [2, 3], [2, 11], [2, 24], [2, 40], [2, 60], [2, 64], [2, 67]]
  echo l . ':' . c . ' ' . synIDattr(synID(l, c, 1), 'name')
endfor
redir END
qa!
