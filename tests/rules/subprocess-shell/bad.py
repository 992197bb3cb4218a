import subprocess
from subprocess import check_output

result = subprocess.run(f"ls {path}", shell=True)
#        ^^^^^^^^^^^^^^ subprocess-shell
status = subprocess.call(command, shell=1)
#        ^^^^^^^^^^^^^^^ subprocess-shell
output = check_output(args=command, shell="yes")
#        ^^^^^^^^^^^^ subprocess-shell
process = subprocess.Popen(*command, shell=True)
#         ^^^^^^^^^^^^^^^^ subprocess-shell
# The message names the shell value, wherever `shell=` stands among the keywords.
done = subprocess.check_call(command, cwd=root, env=env, text=True, shell=[1], timeout=5)
#      ^^^^^^^^^^^^^^^^^^^^^ subprocess-shell


# Through import aliases.
import subprocess as sp
from subprocess import run as run_command

result = sp.run(command, shell=True)
#        ^^^^^^ subprocess-shell
result = run_command(command, shell=True)
#        ^^^^^^^^^^^ subprocess-shell
