import zipfile

archive = zipfile.ZipFile("a.zip")
longest = itertools.zip_longest(a, b)
packed = gzip.compress(data)

from archive import zip

packed = zip(files)  # imported, not the builtin
