import os

port = config.get("port", 8080)
#      ^^^^^^^^^^ dict-get
name = user.get("name")
#      ^^^^^^^^ dict-get
home = os.environ.get("HOME")
#      ^^^^^^^^^^^^^^ dict-get
count = counts.get(word, 0) + 1
#       ^^^^^^^^^^ dict-get
