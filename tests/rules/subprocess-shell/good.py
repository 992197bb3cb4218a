import subprocess

subprocess.run(["ls", path])
subprocess.run(["ls", path], shell=False)
subprocess.run(command, shell=use_shell)
subprocess.run(command, shell=0)
subprocess.call(shell=True)
runner.run(command, shell=True)
subprocess.getoutput(command)
