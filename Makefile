# Aliases for the two commands in the README (python3 tasks.py ...), for people who like make.
.PHONY: run test lint bench
run:
	python3 tasks.py run
test:
	python3 tasks.py test
lint:
	python3 tasks.py lint
bench:
	python3 tasks.py bench
