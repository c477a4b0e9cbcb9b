"""Russian, in the seminar's terms (свёртка, ядро/фильтр, шаг, добивка, транспонированная
свёртка, скользящее окно): the documents' words, and ``PROSE``, the derivations' texts.

``PROSE`` maps an English text (a derivation's title, statement, step justification, check
description, ...) to its Russian; a key with ``{name}`` fields matches texts built at run time
(``"{count} random specs"`` matches ``"40 random specs"``) and the fields are put into the
translation.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WORDS", "PROSE", "PREAMBLE"]

#: The language-specific part of a document's preamble.
PREAMBLE = "\\usepackage[T2A]{fontenc}\n\\usepackage[english,russian]{babel}"

WORDS: dict[str, Any] = {
    "title": "Свёртки: скользящее окно, матрицы, транспонированная свёртка",
    "subtitle": "Конспект семинара; каждая формула построена и проверена symconv",
    "part1": "Скользящее окно и перемножение матриц",
    "part2": "Транспонированная свёртка",
    "part3": "Билинейная интерполяция как транспонированная свёртка",
    "general": "Для любых параметров",
    "sizes": "Размер выхода",
    "S1": "Применение свёртки --- это последовательное вычисление скалярного произведения с помощью "
    "скользящего окна (в нейросетях свёртка --- это взаимная корреляция: фильтр не переворачивается).",
    "S2": "Простой случай: вход {input}, фильтр {kernel}, шаг {stride}, добивка {padding}: выход {output}.",
    "S3": "Скользящее окно --- это одно матричное умножение $Y = C X$: вход представим как столбец $X$ "
    "размера {n_in}$\\times$1, выход --- как столбец $Y$ размера {n_out}$\\times$1, а фильтр разложим в "
    "разреженную матрицу $C$ размера {n_out}$\\times${n_in}.",
    "S4": "im2col: фильтр --- строка $F$ размера 1$\\times${n_taps}, вход разложен в матрицу окон "
    "({n_taps}$\\times${n_out}), выход --- строка $F \\cdot \\mathrm{{im2col}}(X)$. Так делают "
    "низкоуровневые реализации; но так не видно, почему транспонированную свёртку так называют.",
    "T1": "Чтобы из вектора длины {n_out} получить вектор длины {n_in}, фильтр должен быть матрицей "
    "{n_in}$\\times${n_out}: размер транспонированной матрицы $C^T$. Отсюда и название.",
    "T2": "Её параметры --- это параметры обычной свёртки, матрица которой транспонируется, и действуют они "
    "наоборот: между элементами входа вставляется $s - 1$ нулей, затем фильтр, повёрнутый на 180 "
    "градусов, идёт скользящим окном с шагом 1 по входу с добивкой нулями ширины $q - 1 - p$ "
    "($p$ не прибавляется, а отнимается).",
    "T3": "При $s = 1$ транспонированная свёртка является свёрткой.",
    "T4": "Для обычной свёртки матрица при $s > 1$ получается из матрицы при $s = 1$ удалением строк по "
    "регулярной решётке; для транспонированной --- удалением столбцов. Переход от $s > 1$ к $s = 1$: "
    "разбить вход нулями по той же решётке и применить обычную свёртку.",
    "T5": "Случаи $s = 1, p = 0$; $s = 2, p = 0$; $s = 2, p = 1$ для входа 2$\\times$2 и фильтра 3$\\times$3 "
    "(построены по индексному отображению).",
    "T6": "Размер выхода: вход $h$, фильтр $q$, шаг $s$, добивка $p$ дают $w = (h - 1)s - 2p + q$.",
    "B1": "Транспонированная свёртка увеличивает размер входа: можно ли реализовать ею классическую "
    "билинейную интерполяцию?",
    "B2": "${f(x, y) \\approx [1 - x,\\ x] \\begin{bmatrix} f(0,0) & f(0,1) \\\\ f(1,0) & f(1,1) \\end{bmatrix} "
    "\\begin{bmatrix} 1 - y \\\\ y \\end{bmatrix}}$ на единичном квадрате с известными значениями в углах.",
    "B3": "Увеличение ровно в два раза вставляет одно значение между узлами решётки, значит $s = 2$; новые "
    "точки: $(0.5, 0)$, $(0, 0.5)$, $(0.5, 0.5)$, $(1, 0.5)$, $(0.5, 1)$; центральная использует все "
    "четыре узла.",
    "B4": "Это делает фильтр 3$\\times$3 ниже.",
    "B5": "Задание: доказать, что транспонированная свёртка с фильтром из B4 и шагом 2 является билинейной "
    "интерполяцией входа. Какая нужна добивка, сколько выходов даёт вход размера $h$ и что происходит на "
    "границе?",
    "B5_see": "(Решение в конце.)",
    "T5_case": "транспонированная свёртка при $s = {s}$, $p = {p}$",
    "unit_S1": "S1: свёртка --- скалярные произведения со скользящим окном",
    "unit_S2": "S2: простой случай",
    "unit_S3": "S3: скользящее окно как одно матричное умножение $Y = C X$",
    "unit_S4": "S4: im2col, фильтр-строка на матрицу окон",
    "unit_T1": "T1: обратный путь требует размера $C^T$, отсюда и название",
    "unit_T2": "T2: рецепт транспонированной свёртки по этапам",
    "unit_T3_T4": "T3, T4: при $s = 1$ это свёртка; при $s > 1$ строки или столбцы удаляются по решётке",
    "unit_T5": "T5: транспонированная свёртка при $s = 1, p = 0$; $s = 2, p = 0$; $s = 2, p = 1$",
    "unit_B1_B2": "B1, B2: может ли транспонированная свёртка интерполировать? Билинейная интерполяция на квадрате",
    "unit_B3_B4": "B3, B4: увеличение в два раза требует $s = 2$ и фильтра $3 \\times 3$",
    "unit_B5": "Задание B5: билинейное увеличение как транспонированная свёртка",
    "unit_solution_B5": "Решение задания B5",
    "solutions": "Решения",
    "B5_solution": "Построение: фильтр из B4, шаг $s = 2$ (B3) и добивка $p = 1$; вход размера $h$ даёт "
    "$(h - 1) \\cdot 2 - 2 \\cdot 1 + 3 = 2h - 1$ выходов (T6): $h$ узлов входа и $h - 1$ точек между ними. "
    "В одномерном случае фильтр --- это $(1/2, 1, 1/2)$: в чётный выход $2m$ попадает только центральный "
    "коэффициент, поэтому он копирует вход $X_m$; в нечётный выход $2m + 1$ попадают два коэффициента $1/2$, "
    "поэтому он усредняет двух соседей $X_m$ и $X_{m+1}$: линейная интерполяция в середине отрезка (B2 в "
    "одномерном случае). Фильтр $3 \\times 3$ --- внешнее произведение $(1/2, 1, 1/2)$ на себя, поэтому строки "
    "и столбцы интерполируются независимо: новые точки из B3 усредняют два входа, центр квадрата --- четыре. "
    "Добивка: при $p = 0$ выход имеет $2h + 1$ значений, и его крайние значения --- $X_0/2$ и $X_{h-1}/2$, "
    "интерполяция к нулям за границей входа; добивка $p$ обрезает по $p$ выходов с каждого края, и $p = 1$ "
    "обрезает ровно эти два, так что углы выхода совпадают с углами входа: билинейная интерполяция с "
    "align_corners=True. Добивка $p \\ge 2$ обрезала бы узлы входа.",
    "B5_figure": "Ниже: повёрнутый фильтр над входом $3 \\times 3$ $X_0, \\dots, X_8$ со вставленными нулями и "
    "добивкой, записывающий один выход, затем весь выход $5 \\times 5$; каждый шаг доказан в выкладках ниже.",
    "stage_input": "Вход: $Y$, {size}.",
    "stage_spread": "Вставлены нули: $s - 1 = {gap}$ между соседними входами, длина $(h - 1)s + 1$: {size}.",
    "stage_padded": "Добивка: $d(q - 1) - p = {border}$ с каждой стороны (отрицательное число обрезает), "
    "$a = {extra}$ ещё в конце: {size}.",
    "stage_output": "Выход: фильтр, повёрнутый на 180 градусов, идёт скользящим окном с шагом 1: {size}.",
    "verification": "Проверка",
    "verification_intro": "Каждый шаг каждого вывода выше проверен дважды, прежде чем конспект был записан: "
    "точно, указанным ниже преобразованием (SymPy), и численно, в случайных точках его параметров; численные "
    "проверки каждого вывода сравнивают с независимыми реализациями (эталон на numpy, PyTorch) или перебирают "
    "все случаи в указанных пределах. У каждого шага, отмеченного в тексте галочкой, здесь есть своя строка.",
    "checked_also": "также проверено численно на независимых реализациях (см. приложение)",
    "check": "численная проверка",
    "points": "численно: случайных точек всего: {points}",
    "matrix": "Матрица $C$",
    "table": "Соотношения из руководства Dumoulin и Visin в их обозначениях и в обозначениях семинара",
    "pattern": "Число перекрытий (шахматный узор) для $q = 3$, $s = 2$ в 2-D",
    "kernel": "Фильтр",
    "verified": "проверено",
    "exact": "точно",
    "numeric": "численно",
    "assuming": "При условии",
    "where": "при",
    "language_note": "",
    "position": "позиция выхода",
    "captions": {
        "input": "вход",
        "padding": "добивка серым",
        "kernel": "фильтр",
        "output": "выход",
        "spread": "вставлены нули",
        "rotated": "фильтр, повёрнутый на 180 градусов",
        "cropped": "обрезано",
        "deleted": "удалены из-за шага",
    },
}

#: The derivations' texts, English -> Russian. A key with ``{name}`` fields outside ``$...$`` is a
#: pattern for a text built at run time (see :func:`symconv.locale.translate`).
PROSE: dict[str, str] = {
    # ---- how texts are joined, and the labels of steps
    ", then ": ", затем ",
    # the words of a case distinction in formulas (SymPy's Piecewise)
    "for": "при",
    "otherwise": "иначе",
    "definition: {text}": "определение: {text}",
    "special case: {text}": "частный случай: {text}",
    # ---- the exact check: transformations
    "structural equality": "структурное равенство",
    "doit": "вычисление (doit)",
    "expand": "раскрытие скобок",
    "doit and expand": "вычисление (doit) и раскрытие скобок",
    "coefficients of the linear forms": "коэффициенты линейных форм",
    "interchange of finite sums": "перестановка конечных сумм",
    "sum against a Kronecker delta, zero outside the range": "сумма с дельтой Кронекера, вне диапазона ноль",
    "definitions substituted": "подставлены определения",
    "{variable} up to {high}": "{variable} до {high}",
    "definitions substituted, zero extension compared": "подставлены определения, сравнение после продолжения нулями",
    "conditions that hold for {condition}": "условия, верные при {condition}",
    "conditions that hold in the sums' ranges": "условия, верные в пределах сумм",
    "substitute {substitution} in the sum": "замена {substitution} в сумме",
    "substitute {substitution} in every dimension": "замена {substitution} по каждому измерению",
    (
        "division with remainder is unique (residues below {bound})"
    ): "деление с остатком однозначно (остатки меньше {bound})",
    "division with remainder: {tap}": "деление с остатком: {tap}",
    r"integer parts: $x \bmod s = x - s \lfloor x/s \rfloor$, bounds of $\lfloor \cdot \rfloor$": (
        r"целые части: $x \bmod s = x - s \lfloor x/s \rfloor$, оценки $\lfloor \cdot \rfloor$"
    ),
    r"residues modulo $s$: exactly one residue class, $0 \le x \bmod s < s$": (
        r"остатки по модулю $s$: ровно один класс вычетов, $0 \le x \bmod s < s$"
    ),
    "signs of absolute values for {condition}": "знаки модулей при {condition}",
    "terms that are zero added: {range} instead of {old}": "добавлены нулевые слагаемые: {range} вместо {old}",
    "the arithmetic written out, evaluated": "арифметика выписана и вычислена",
    # ---- the numeric check
    "equal at {points} points ({nonzero} not all zero, {values})": (
        "равны в случайных точках: {points} (ненулевых: {nonzero}, {values})"
    ),
    "values up to {largest}": "значения до {largest}",
    "no parameters": "без параметров",
    # ---- the checks' descriptions
    "every case of {ranges}: {description}": "все случаи при {ranges}: {description}",
    "$1 \\times 1$ layers are $W \\otimes I$": r"слои $1 \times 1$ --- это $W \otimes I$",
    "2-D counts multiply": "в 2-D числа перекрытий перемножаются",
    "$\\langle \\mathrm{im2col}(x), z \\rangle = \\langle x, \\mathrm{col2im}(z) \\rangle$ on random specs": (
        r"$\langle \mathrm{im2col}(x), z \rangle = \langle x, \mathrm{col2im}(z) \rangle$"
    ),
    "$C_s = S C_1$ on random specs": "$C_s = S C_1$",
    "blocks of random grouped layers": "блоки случайных групповых слоёв",
    "the matrix $C$ against the numpy reference on random specs": ("матрица свёртки сверена с эталоном на numpy"),
    "each relationship on random integers": "каждое соотношение на случайных целых числах",
    "every phase of the tent and FCN kernels": "каждая фаза ядер «домик» и FCN",
    "the convolution's size of the transposed size is $h$": (
        "размер выхода свёртки от размера транспонированной равен $h$"
    ),
    "“same” padding keeps the size": "добивка «same» сохраняет размер",
    "preimages counted: each output has $s$ input sizes, $a$ picks each one": (
        "прообразы пересчитаны: у каждого размера выхода $s$ размеров входа, $a$ выбирает каждый"
    ),
    "constant exactly when $s \\mid q$ and $\\gcd(d, s) = 1$ (not proved for general $s, d$)": (
        r"постоянно ровно при $s \mid q$ и $\gcd(d, s) = 1$ (для общих $s, d$ не доказано)"
    ),
    "factors 2–8 in 1-D and 2-D, 2–4 in 3-D, against the reference": (
        "множители 2--8 в 1-D и 2-D, 2--4 в 3-D, сверка с эталоном"
    ),
    "gradients of the symbolic sliding window on random specs": ("градиенты символьного скользящего окна"),
    "$F \\, \\mathrm{im2col}(X)$ against the numpy reference on random specs": (
        r"$F \, \mathrm{im2col}(X)$ сверено с эталоном на numpy"
    ),
    "padding p against the cropped zero-extended interpolation": (
        "добивка $p$ сверена с обрезанной интерполяцией с продолжением нулями"
    ),
    "the receptive field against composed index maps of random stacks": (
        "рецептивное поле сверено с композицией индексных отображений случайных стопок слоёв"
    ),
    "sub-pixel form against the recipe on random specs": "субпиксельная форма сверена с рецептом",
    "the formula against the index map's counts": "формула сверена с подсчётом по индексному отображению",
    "the recipe (computed by zero insertion and padding) against the matrix": (
        "рецепт (вставка нулей и добивка) сверен с матрицей"
    ),
    "the stages of the recipe have these lengths": "у этапов рецепта именно такие длины",
    "the transposed convolution against the reference for $h = 1, \\dots, 30$": (
        "транспонированная свёртка сверена с эталоном при $h = 1, \\dots, 30$"
    ),
    "transposed layers = transposed forward rows = the recipe per channel pair": (
        "транспонированные слои = транспонированные строки прямой свёртки = рецепт для каждой пары каналов"
    ),
    "transposed matrix = convolution matrix with the rotated kernel": (
        "транспонированная матрица = матрица свёртки с повёрнутым ядром"
    ),
    "transposed matrix = transposed rows of the forward matrix": (
        "транспонированная матрица = транспонированные строки матрицы прямой свёртки"
    ),
    "where FCN and align_corners=False differ, $f = 2, \\dots, 8$": (
        "где FCN и align_corners=False расходятся, $f = 2, \\dots, 8$"
    ),
    # ---- what the checks ran
    "{count} specs": "наборов параметров: {count}",
    "{count} random specs: SymPy's derivatives of the sliding window": (
        "случайных наборов параметров: {count}; производные скользящего окна, взятые SymPy"
    ),
    "{count} interior positions of 1-D specs: index-map counts = the formula": (
        "внутренних позиций в 1-D: {count}; подсчёт по индексному отображению = формула"
    ),
    "{count} random 1-D and 2-D layers: diagonal group blocks, numpy per channel pair, zeros elsewhere": (
        "случайных слоёв 1-D и 2-D: {count}; диагональные блоки групп, numpy для каждой пары каналов, нули вне блоков"
    ),
    (
        r"{count} random $1 \times 1$ layers (groups included): $C = W \otimes I$, "
        r"$C \, \mathrm{vec}(X) = \mathrm{vec}(W X)$"
    ): (
        r"случайных слоёв $1 \times 1$ (с группами): {count}; $C = W \otimes I$, "
        r"$C \, \mathrm{vec}(X) = \mathrm{vec}(W X)$"
    ),
    "{count} random grouped 1-D and 2-D specs: the forward rows transposed, and the recipe per channel pair": (
        "случайных групповых наборов параметров 1-D и 2-D: {count}; транспонированные строки прямой "
        "свёртки и рецепт для каждой пары каналов"
    ),
    "{count} random specs agree with numpy": "случайных наборов параметров: {count}; совпадает с numpy",
    "{count} random specs: both inner products equal": (
        "случайных наборов параметров: {count}; оба скалярных произведения равны"
    ),
    "{count} phases of the tent and FCN kernels, factors 1–8, dimensions 1–3: each sums to 1": (
        "фаз ядер «домик» и FCN (множители 1--8, размерности 1--3): {count}; сумма каждой равна 1"
    ),
    "{count} input sizes": "размеров входа: {count}",
    "{count} random 1-D and 2-D specs (dilation, padding, output padding): sub-pixel = recipe, symbolically": (
        "случайных наборов параметров 1-D и 2-D (с дилатацией, добивкой и добавкой к выходу): {count}; "
        "субпиксельная форма = рецепт, символьно"
    ),
    "{count} random 1-D and 2-D specs: $C_s = S C_1$": "случайных наборов параметров 1-D и 2-D: {count}; $C_s = S C_1$",
    "{count} random 1-D specs: recipe = matrix times input": (
        "случайных наборов параметров 1-D: {count}; рецепт = матрица, умноженная на вход"
    ),
    "{count} random 2-D specs: recipe = matrix times input": (
        "случайных наборов параметров 2-D: {count}; рецепт = матрица, умноженная на вход"
    ),
    "{count} random 2-D specs: the counts are the outer product of the 1-D counts": (
        "случайных наборов параметров 2-D: {count}; числа перекрытий --- внешнее произведение чисел для 1-D"
    ),
    "{count} random specs (output_padding and dilation included): the forward rows, transposed": (
        "случайных наборов параметров (с добавкой к выходу и дилатацией): {count}; транспонированные "
        "строки прямой свёртки"
    ),
    "{count} random stacks of 1–3 layers": "случайных стопок из 1--3 слоёв: {count}",
    "{count} random stride-1 specs: the same matrix as the convolution": (
        "случайных наборов параметров с шагом 1: {count}; та же матрица, что у свёртки"
    ),
    "{count} triples $(s, d, q)$": "троек $(s, d, q)$: {count}",
    "{count} inputs, factors 2–8 in 1-D and 2-D, 2–4 in 3-D": (
        "входов: {count}; множители 2--8 в 1-D и 2-D, 2--4 в 3-D"
    ),
    "{count} random specs: input, zeros inserted, padded, output": (
        "случайных наборов параметров: {count}; вход, вставка нулей, добивка, выход"
    ),
    "{count} integer cases": "целочисленных случаев: {count}",
    "{count} (h, p): padding p crops p outputs from each end of the padding-0 output": (
        "пар $(h, p)$: {count}; добивка $p$ обрезает $p$ выходов с каждого конца выхода при добивке 0"
    ),
    "h = 1..30, random inputs": r"$h = 1, \dots, 30$, случайные входы",
    # ---- the recipe's stages (notes) and the table of Dumoulin and Visin
    "case": "случай",
    "Dumoulin & Visin": "Dumoulin и Visin",
    "seminar": "семинар",
    "Channels": "Каналы",
    "general": "общий случай",
    "dilation $d$": "дилатация $d$",
    "pooling (window $k$, stride $s$)": "пулинг (окно $k$, шаг $s$)",
    "half padding: {rest}": "половинная добивка: {rest}",
    "full padding: {rest}": "полная добивка: {rest}",
    "transposed of {n}: {rest}": "транспонированная к ({n}): {rest}",
    "transposed of {n} ({condition}): stretched input, {rest}": (
        "транспонированная к ({n}), {condition}: растянутый вход, {rest}"
    ),
    "transposed of {n} ({condition}): {rest}": "транспонированная к ({n}), {condition}: {rest}",
    "transposed, general: {rest}": "транспонированная, общий случай: {rest}",
    # ---- titles
    r"$F \, \mathrm{im2col}(X) = (C X)^T$ for every {dims} spec (S4, general)": (
        r"$F \, \mathrm{im2col}(X) = (C X)^T$ для любых параметров в {dims} (S4, общий случай)"
    ),
    "B2: the unique bilinear function through the corner values": (
        "B2: единственная билинейная функция с заданными значениями в углах"
    ),
    "Backpropagation: $dL/dX = C^T dL/dY$, and $dL/dW$ correlates $X$ with $dL/dY$": (
        "Обратное распространение: $dL/dX = C^T dL/dY$, а $dL/dW$ --- корреляция $X$ с $dL/dY$"
    ),
    "Each phase of the kernel sums to 1 (constants are kept), so the kernel sums to $f^n$": (
        "Сумма каждой фазы ядра равна 1 (константы сохраняются), поэтому сумма ядра равна $f^n$"
    ),
    "Receptive field and jump: $r_l = r_{l-1} + (k_l - 1) j_{l-1}$, $j_l = j_{l-1} s_l$": (
        "Рецептивное поле и скачок: $r_l = r_{l-1} + (k_l - 1) j_{l-1}$, $j_l = j_{l-1} s_l$"
    ),
    "T4: rows deleted on a lattice, columns deleted, zeros inserted": (
        "T4: строки удаляются по решётке, столбцы удаляются, нули вставляются"
    ),
    "The 15 relationships of Dumoulin and Visin (2016) as special cases": (
        "15 соотношений из руководства Dumoulin и Visin (2016) как частные случаи"
    ),
    "The seminar's symmetric example hides it: the sliding kernel must be rotated": (
        "Симметричный пример семинара это скрывает: скользящее ядро нужно повернуть"
    ),
    "col2im is the adjoint of im2col, every {dims} spec": ("col2im --- сопряжённое к im2col, любые параметры в {dims}"),
    # ---- statements
    (
        r"$S$ keeps the rows $s o$ of the stride-1 matrix: $C_s = S C_1$, so $C_s^T = C_1^T S^T$, and $S^T$ "
        r"spreads its input with $s - 1$ zeros between neighbours: going back from $s > 1$ to $s = 1$ is "
        r"inserting zeros and applying a stride-1 (transposed) convolution."
    ): (
        r"$S$ оставляет строки $s o$ матрицы с шагом 1: $C_s = S C_1$, поэтому $C_s^T = C_1^T S^T$, а "
        r"$S^T$ раздвигает свой вход, вставляя $s - 1$ нулей между соседями: переход от $s > 1$ к $s = 1$ "
        r"--- это вставка нулей и (транспонированная) свёртка с шагом 1."
    ),
    (
        r"$\langle \mathrm{im2col}(X), Z \rangle = \langle X, \mathrm{col2im}(Z) \rangle$: col2im adds every "
        r"column entry back onto the input it was read from."
    ): (
        r"$\langle \mathrm{im2col}(X), Z \rangle = \langle X, \mathrm{col2im}(Z) \rangle$: col2im "
        r"прибавляет каждый элемент столбцов обратно к тому элементу входа, из которого он был прочитан."
    ),
    r"$\lfloor (w + 2p - d(q-1) - 1)/s \rfloor + 1 = h$ for $w = (h-1)s - 2p + d(q-1) + a + 1$ and $0 \le a < s$.": (
        r"$\lfloor (w + 2p - d(q-1) - 1)/s \rfloor + 1 = h$ при $w = (h-1)s - 2p + d(q-1) + a + 1$ и "
        r"$0 \le a < s$."
    ),
    (
        r"$b$ repeats the bias of each output channel over its positions. On $(\mathrm{vec}(X), 1)$ the layer "
        r"is $\begin{pmatrix} C & b \\ 0 & 1 \end{pmatrix}$, and two layers compose to $\begin{pmatrix} C_2 "
        r"C_1 & C_2 b_1 + b_2 \\ 0 & 1 \end{pmatrix}$."
    ): (
        r"$b$ повторяет смещение каждого выходного канала по всем его позициям. На $(\mathrm{vec}(X), 1)$ "
        r"слой --- это $\begin{pmatrix} C & b \\ 0 & 1 \end{pmatrix}$, а два слоя дают вместе "
        r"$\begin{pmatrix} C_2 C_1 & C_2 b_1 + b_2 \\ 0 & 1 \end{pmatrix}$."
    ),
    (
        r"A function $c_0 + c_1 x + c_2 y + c_3 x y$ taking the values $f_{0,0}, f_{1,0}, f_{0,1}, f_{1,1}$ at "
        r"the corners is determined (the system's determinant is 1) and equals $[1-x, x] \, F \, [1-y, y]^T$; "
        r"in 3-D the same holds with 8 coefficients and the tensor-product form."
    ): (
        r"Функция $c_0 + c_1 x + c_2 y + c_3 x y$ со значениями $f_{0,0}, f_{1,0}, f_{0,1}, f_{1,1}$ в "
        r"углах определена однозначно (определитель системы равен 1) и равна $[1-x, x] \, F \, [1-y, y]^T$; "
        r"в 3-D то же верно с 8 коэффициентами и тензорным произведением."
    ),
    (
        r"Composing the index maps of two layers, output $o$ reads input $s_1(s_2 o - p_2 + d_2 k_2) - p_1 + "
        r"d_1 k_1$: the coefficient of $o$ is the jump, the spread over the taps plus one is the receptive "
        r"field, the value at $o = 0$ and no taps the start."
    ): (
        r"В композиции индексных отображений двух слоёв выход $o$ читает вход "
        r"$s_1(s_2 o - p_2 + d_2 k_2) - p_1 + d_1 k_1$: коэффициент при $o$ --- скачок, размах по элементам "
        r"ядра плюс один --- рецептивное поле, значение при $o = 0$ и нулевых индексах ядра --- начало."
    ),
    (
        r"Each relationship of the guide, as the guide writes it, is symconv's general formula with the case's "
        r"parameters put in, simplified; in the seminar's notation $i, i' \to h$, $k \to q$, $o, o' \to w$."
    ): (
        r"Каждое соотношение руководства в его записи --- это общая формула symconv с подставленными "
        r"параметрами случая, после упрощения; в обозначениях семинара $i, i' \to h$, $k \to q$, $o, o' \to w$."
    ),
    (
        r"For $h = 2, q = 2, s = 1, p = 0$: sliding the kernel as it is gives a different result; sliding it "
        r"rotated by 180 degrees gives $C^T Y$."
    ): (
        r"При $h = 2, q = 2, s = 1, p = 0$: скользящее окно с ядром как есть даёт другой результат; с ядром, "
        r"повёрнутым на 180 градусов, --- $C^T Y$."
    ),
    (
        r"For a scalar loss $L$ with $G_o = \partial L / \partial Y_o$: the gradient with respect to the input "
        r"is the transposed convolution of $G$; the gradient with respect to the kernel reads $X$ at $s o - p "
        r"+ d m$: a correlation of $X$ with $G$ in which stride and dilation swap roles."
    ): (
        r"Для скалярной функции потерь $L$ и $G_o = \partial L / \partial Y_o$: градиент по входу --- "
        r"транспонированная свёртка $G$; градиент по ядру читает $X$ в позициях $s o - p + d m$: это "
        r"корреляция $X$ с $G$, в которой шаг и дилатация меняются ролями."
    ),
    (
        r"From a $2 \times 2$ input (4x1) to a $4 \times 4$ output (16x1) the matrix must be 16x4: the shape "
        r"of $C^T$, the transpose of the 4x16 matrix of the convolution. Hence the name."
    ): (
        r"Чтобы из входа $2 \times 2$ (4$\times$1) получить выход $4 \times 4$ (16$\times$1), матрица "
        r"должна быть 16$\times$4: это размер $C^T$, транспонированной матрицы свёртки 4$\times$16. "
        r"Отсюда и название."
    ),
    (
        "Input {input} flattened row-major to {inputs}, kernel {kernel}, stride {stride}, padding {padding}: "
        "output {output}, and three ways to compute it agree."
    ): (
        "Вход {input}, развёрнутый по строкам в {inputs}, ядро {kernel}, шаг {stride}, добивка {padding}: "
        "выход {output}, и три способа его вычислить совпадают."
    ),
    (
        r"Input $h$, kernel $q$, stride $s$, padding $p$: insert the zeros, pad, and slide a $q$-wide kernel "
        r"with stride 1. With dilation $d$ the kernel spans $d(q-1) + 1$; output padding $a$ adds zeros at one "
        r"end. The stages' lengths are the library's recipe."
    ): (
        r"Вход $h$, ядро $q$, шаг $s$, добивка $p$: вставить нули, добить и пройти ядром ширины $q$ "
        r"с шагом 1. С дилатацией $d$ ядро охватывает $d(q-1) + 1$ позиций; добавка к выходу $a$ "
        r"дописывает нули с одного конца. Длины этапов --- это рецепт библиотеки."
    ),
    (
        r"Insert $s - 1$ zeros between inputs, pad $d(q-1) - p$ zeros on each side (a negative amount crops; "
        r"$a$ more at the end), slide the kernel with stride 1: input $o$ sits at $o s + d(q-1) - p$ and the "
        r"sliding kernel is $W_{q-1-m}$, the kernel rotated by 180 degrees. The result is $(C^T Y)_j = \sum_o "
        r"C_{o,j} Y_o$ for all $h, q, s, p, d, a$."
    ): (
        r"Вставить $s - 1$ нулей между элементами входа, добить $d(q-1) - p$ нулями с каждой стороны "
        r"(отрицательное число обрезает; ещё $a$ в конце), пройти ядром с шагом 1: вход $o$ стоит в "
        r"позиции $o s + d(q-1) - p$, а скользящее ядро --- это $W_{q-1-m}$, ядро, повёрнутое на 180 "
        r"градусов. Результат --- $(C^T Y)_j = \sum_o C_{o,j} Y_o$ при всех $h, q, s, p, d, a$."
    ),
    (
        r"Output $j$ away from the borders receives $N(j) = \sum_{k=0}^{q-1} [\, s \mid j + p - d k \,]$ taps. "
        r"$N(j + s) = N(j)$; with $d = 1$, $q = s m$ gives $N = m$ everywhere, and $q = s m + r$ ($0 < r < s$) "
        r"gives $m + 1$ on $r$ residues and $m$ on the others: a checkerboard."
    ): (
        r"Выход $j$ вдали от краёв получает $N(j) = \sum_{k=0}^{q-1} [\, s \mid j + p - d k \,]$ "
        r"вкладов ядра. $N(j + s) = N(j)$; при $d = 1$ из $q = s m$ следует $N = m$ везде, а "
        r"$q = s m + r$ ($0 < r < s$) даёт $m + 1$ на $r$ остатках и $m$ на остальных: шахматный узор."
    ),
    (
        r"Phase $r < f - 1$ holds the taps $k = r$ and $k = r + f$ of $1 - |k - (f - 1)|/f$; phase $f - 1$ "
        r"holds the centre tap 1. Each sums to 1, so a constant input stays constant, and the $f$ phases of "
        r"the 1-D kernel sum to $f$, the $f^n$ of the N-D kernel to $f^n$: the seminar's kernel sums to 4."
    ): (
        r"Фаза $r < f - 1$ содержит веса $k = r$ и $k = r + f$ ядра $1 - |k - (f - 1)|/f$; фаза "
        r"$f - 1$ --- центральный вес 1. Сумма каждой равна 1, поэтому постоянный вход остаётся постоянным, "
        r"а $f$ фаз одномерного ядра дают в сумме $f$, $f^n$ фаз ядра в N-D --- $f^n$: сумма ядра "
        r"семинара равна 4."
    ),
    (
        r"Phase $r$ of the output uses only the taps $W_{s n + r}$: $Z_{s u + r} = \sum_n W_{s n + r} Y_{u - "
        r"n}$, a stride-1 convolution of the small input with the sub-kernel $W^{(r)}_n = W_{s n + r}$; the "
        r"phases interleave (periodic shuffle)."
    ): (
        r"Фаза $r$ выхода использует только веса $W_{s n + r}$: $Z_{s u + r} = \sum_n W_{s n + r} Y_{u - n}$, "
        r"свёртка маленького входа с шагом 1 и подъядром $W^{(r)}_n = W_{s n + r}$; фазы чередуются "
        r"(периодическая перестановка)."
    ),
    (
        r"PyTorch pads $\lfloor d(q-1)/2 \rfloor$ before and the rest after (the extra zero goes after, as in "
        r"TensorFlow); the output keeps the input's size."
    ): (
        r"PyTorch добивает $\lfloor d(q-1)/2 \rfloor$ нулями в начале и остальными в конце (лишний ноль "
        r"идёт в конец, как в TensorFlow); размер выхода равен размеру входа."
    ),
    (
        r"PyTorch's grouped ConvTranspose (weight $(C_{in}, C_{out}/g, q)$, $C_{in} = g a$, $C_{out} = g b$) "
        r"adds $W_{c, \beta, k} Y_{c, o}$ at output $(b\gamma + \beta, s o - p + d k)$ for the input channels "
        r"$c$ of group $\gamma$. The convolution $F$ back (in $g b$, out $g a$, the same weight) has "
        r"$(C_F)_{(c,o),(n,j)} = \sum_m \delta_{n, b\lfloor c/a \rfloor + m} \sum_k W_{c,m,k} \delta_{j, s o - "
        r"p + d k}$; so the layer is $C_F^T$."
    ): (
        r"Групповая транспонированная свёртка PyTorch (веса $(C_{in}, C_{out}/g, q)$, $C_{in} = g a$, "
        r"$C_{out} = g b$) прибавляет $W_{c, \beta, k} Y_{c, o}$ к выходу $(b\gamma + \beta, s o - p + d k)$ "
        r"для входных каналов $c$ группы $\gamma$. У обратной свёртки $F$ (вход $g b$, выход $g a$, те же "
        r"веса) $(C_F)_{(c,o),(n,j)} = \sum_m \delta_{n, b\lfloor c/a \rfloor + m} \sum_k W_{c,m,k} "
        r"\delta_{j, s o - p + d k}$; значит, слой --- это $C_F^T$."
    ),
    (
        r"The index map $i = s o - p + d k$ gives $C_{o,i} = \sum_k W_k \delta_{i, s o - p + d k}$; then $(C "
        r"X)_o$ is the sliding window over the zero-padded input, for all $h, q, s, p, d$: windows $s$ apart, "
        r"taps $d$ apart, the first window at the first padded position, the last one inside."
    ): (
        r"Индексное отображение $i = s o - p + d k$ даёт $C_{o,i} = \sum_k W_k \delta_{i, s o - p + d k}$; "
        r"тогда $(C X)_o$ --- скользящее окно по входу, добитому нулями, при всех $h, q, s, p, d$: окна "
        r"через $s$, элементы ядра через $d$, первое окно --- в первой позиции добивки, последнее --- внутри."
    ),
    (
        r"The padded input has $h + 2p$ positions; the dilated kernel spans $d(q-1) + 1$ of them; a window can "
        r"start at $h + 2p - d(q-1)$ positions, of which stride $s$ keeps every $s$-th."
    ): (
        r"У добитого входа $h + 2p$ позиций; ядро с дилатацией охватывает $d(q-1) + 1$ из них; окно может "
        r"начинаться в $h + 2p - d(q-1)$ позициях, из которых шаг $s$ оставляет каждую $s$-ю."
    ),
    (
        r"The sizes $(o-1)s - 2p + d(q-1) + 1 + a$, $0 \le a < s$, all give output $o$; the size before them "
        r"gives $o - 1$ and the one after gives $o + 1$; they are $s$ consecutive sizes, and the size map is "
        r"nondecreasing ($\lfloor \cdot \rfloor$ is), so these $s$ are all, for every $q, s, p, d$. The output "
        r"padding $a = (h + 2p - d(q-1) - 1) \bmod s$ recovers $h$."
    ): (
        r"Все размеры $(o-1)s - 2p + d(q-1) + 1 + a$, $0 \le a < s$, дают выход $o$; размер перед ними "
        r"даёт $o - 1$, а размер после них --- $o + 1$; это $s$ последовательных размеров, а отображение "
        r"размеров неубывающее (как и $\lfloor \cdot \rfloor$), так что других нет, при любых $q, s, p, d$. "
        r"Добавка к выходу $a = (h + 2p - d(q-1) - 1) \bmod s$ восстанавливает $h$."
    ),
    (
        r"The transposed convolution with the kernel of B4, stride 2 and padding 1 turns the $3 \times 3$ "
        r"input into $5 \times 5 = (2h - 1) \times (2h - 1)$ values: the input's nodes and, between them, the "
        r"new points of B3, each the bilinear interpolation of its corners."
    ): (
        r"Транспонированная свёртка с ядром из B4, шагом 2 и добивкой 1 превращает вход $3 \times 3$ в "
        r"$5 \times 5 = (2h - 1) \times (2h - 1)$ значений: узлы входа и между ними новые точки из B3, "
        r"каждая --- билинейная интерполяция по своим углам."
    ),
    (
        r"The window matrix $M_{k,o} = \sum_i \delta_{i, s o - p + d k} X_i$ times the kernel row $F$ is the "
        r"row $(C X)^T$: the same sum, taken in the other order."
    ): (
        r"Матрица окон $M_{k,o} = \sum_i \delta_{i, s o - p + d k} X_i$, умноженная на строку ядра $F$, "
        r"--- это строка $(C X)^T$: та же сумма в другом порядке."
    ),
    (
        r"With $C_{in} = g a$, $C_{out} = g b$: block $(o, c)$ is $\sum_m \delta_{c, a \lfloor o/b \rfloor + "
        r"m} K_{o,m}$, $K_{o,m}$ the single-channel matrix of $W_{o,m}$. Writing $o = b\gamma + \beta$ and $c "
        r"= a\gamma' + \alpha$ it is $\delta_{\gamma', \gamma} K_{o,\alpha}$: zero between groups, "
        r"$K_{o,\alpha}$ inside; depthwise ($a = 1$) leaves one matrix per output channel."
    ): (
        r"При $C_{in} = g a$, $C_{out} = g b$ блок $(o, c)$ равен $\sum_m \delta_{c, a \lfloor o/b \rfloor + m} "
        r"K_{o,m}$, где $K_{o,m}$ --- одноканальная матрица $W_{o,m}$. При $o = b\gamma + \beta$ и "
        r"$c = a\gamma' + \alpha$ это $\delta_{\gamma', \gamma} K_{o,\alpha}$: ноль между группами, "
        r"$K_{o,\alpha}$ внутри; поканальная свёртка ($a = 1$) оставляет одну матрицу на выходной канал."
    ),
    (
        r"With $q = 1$, $s = 1$, $p = 0$ the index map is $i = o$: position $y$ of output channel $o$ reads "
        r"position $y$ of every input channel, $Y_{o,y} = \sum_c W_{o,c} X_{c,y}$, so $Y = W X$ with $X$ as a "
        r"$C_{in} \times P$ matrix, and $C = W \otimes I_P$."
    ): (
        r"При $q = 1$, $s = 1$, $p = 0$ индексное отображение --- $i = o$: позиция $y$ выходного канала $o$ "
        r"читает позицию $y$ каждого входного канала, $Y_{o,y} = \sum_c W_{o,c} X_{c,y}$, поэтому $Y = W X$, "
        r"где $X$ --- матрица $C_{in} \times P$, и $C = W \otimes I_P$."
    ),
    (
        r"With $s = 1$ no zeros are inserted: the recipe is the sliding window over the input padded by "
        r"$d(q-1) - p$ (and $a$ more at the end), with the rotated kernel."
    ): (
        r"При $s = 1$ нули не вставляются: рецепт --- это скользящее окно с повёрнутым ядром по входу, "
        r"добитому $d(q-1) - p$ нулями (и ещё $a$ в конце)."
    ),
    # ---- the steps' justifications
    (
        r"$(C_F^T Y)_{(n, j)}$ with $n = b\gamma + \beta$: division with remainder is unique, so $m = \beta$ "
        r"and $\gamma' = \gamma$; exchange the sums: the layer's scatter"
    ): (
        r"$(C_F^T Y)_{(n, j)}$ при $n = b\gamma + \beta$: деление с остатком однозначно, поэтому $m = \beta$ "
        r"и $\gamma' = \gamma$; переставим суммы: так слой раскладывает вклады по выходу"
    ),
    r"$(F M)_o = \sum_k W_k M_{k,o}$; exchange the finite sums: $\sum_i C_{o,i} X_i = (C X)_o$": (
        r"$(F M)_o = \sum_k W_k M_{k,o}$; переставим конечные суммы: $\sum_i C_{o,i} X_i = (C X)_o$"
    ),
    r"$(S C_1)_{o,i} = \sum_{o_1} \delta_{o_1, s o} (C_1)_{o_1,i}$ keeps row $s o$": (
        r"$(S C_1)_{o,i} = \sum_{o_1} \delta_{o_1, s o} (C_1)_{o_1,i}$ оставляет строку $s o$"
    ),
    r"$= \sum_o C_{o,j} G_o = (C^T G)_j$: a transposed convolution of $G$": (
        r"$= \sum_o C_{o,j} G_o = (C^T G)_j$: транспонированная свёртка $G$"
    ),
    "$C X$ is the sliding window, row by row (S1 = S3)": "$C X$ --- скользящее окно, строка за строкой (S1 = S3)",
    (
        r"$W_c = 1 - |c - (f - 1)|/f = r/f$ and $W_{f + c} = 1 - r/f$ for $0 \le c \le f - 1$: output $f m + "
        r"r$ lies at $m + r/f$"
    ): (
        r"$W_c = 1 - |c - (f - 1)|/f = r/f$ и $W_{f + c} = 1 - r/f$ при $0 \le c \le f - 1$: выход "
        r"$f m + r$ лежит в точке $m + r/f$"
    ),
    r"$\lfloor h - 1 + a/s \rfloor = h - 1$ because $0 \le a/s < 1$": (
        r"$\lfloor h - 1 + a/s \rfloor = h - 1$, так как $0 \le a/s < 1$"
    ),
    r"$\partial W_k / \partial W_m = \delta_{k,m}$ for a tap $m$ of the kernel": (
        r"$\partial W_k / \partial W_m = \delta_{k,m}$ для элемента ядра $m$"
    ),
    (
        r"$a\gamma' + \alpha = a\gamma + m$ with $0 \le \alpha, m < a$ means $\gamma' = \gamma$, $m = \alpha$: "
        r"the block of input channel $a\gamma' + \alpha$"
    ): (
        r"$a\gamma' + \alpha = a\gamma + m$ при $0 \le \alpha, m < a$ означает $\gamma' = \gamma$, "
        r"$m = \alpha$: блок входного канала $a\gamma' + \alpha$"
    ),
    "$p = 1$: the two half-zero ends removed, every node kept": (
        "$p = 1$: оба конца с нулём убраны, все узлы сохранены"
    ),
    r"$q = s m + r$: the last $r$ taps reach only the residues $(j + p) \bmod s < r$": (
        r"$q = s m + r$: последние $r$ элементов ядра попадают только на остатки $(j + p) \bmod s < r$"
    ),
    r"$s \lfloor n/s \rfloor + (n \bmod s) = n$ for $n = h + 2p - d(q-1) - 1$": (
        r"$s \lfloor n/s \rfloor + (n \bmod s) = n$ при $n = h + 2p - d(q-1) - 1$"
    ),
    "$s u + r = s(o + n) + c$ forces $c = r$ and $o = u - n$ (division with remainder is unique)": (
        "из $s u + r = s(o + n) + c$ следует $c = r$ и $o = u - n$ (деление с остатком однозначно)"
    ),
    "2-D: the operator is the Kronecker product of the 1-D operators": (
        "2-D: оператор --- кронекерово произведение одномерных операторов"
    ),
    r"3 channels to 2 on a $2 \times 2$ input: $C = W \otimes I_4$": (
        r"3 канала в 2 на входе $2 \times 2$: $C = W \otimes I_4$"
    ),
    "B2 in 1-D at the midpoint $x = 1/2$": "B2 в 1-D в середине $x = 1/2$",
    "PyTorch clamps $-1/4$ to 0: the difference at the border": "PyTorch заменяет $-1/4$ на 0: разница на краю",
    "a 1-D layer (1 to 2 channels, bias $b$) then one with weight $V$, bias $c$": (
        "одномерный слой (1 канал в 2, смещение $b$), затем слой с весами $V$ и смещением $c$"
    ),
    "a delta depends on the difference of its arguments: $j = s o - p + d k$; exchange the sums": (
        "дельта зависит от разности аргументов: $j = s o - p + d k$; переставим суммы"
    ),
    "a stride-1 convolution with a $q$-wide kernel: $w = w' - (q - 1)$": (
        "свёртка с шагом 1 и ядром ширины $q$: $w = w' - (q - 1)$"
    ),
    "between two nodes": "между двумя узлами",
    "between two nodes: linear interpolation": "между двумя узлами: линейная интерполяция",
    r"chain rule; $\partial X_i / \partial X_j = \delta_{i,j}$ collapses the sum over $i$": (
        r"цепное правило; $\partial X_i / \partial X_j = \delta_{i,j}$ снимает сумму по $i$"
    ),
    r"depthwise, $a = 1$: output channel $o$ reads input channel $\lfloor o/b \rfloor$ only": (
        r"поканальная свёртка, $a = 1$: выходной канал $o$ читает только входной канал $\lfloor o/b \rfloor$"
    ),
    r"each of the sizes, $0 \le a \le s - 1$, gives $o$": r"каждый из размеров, $0 \le a \le s - 1$, даёт $o$",
    "entry by entry: bilinear interpolation with align_corners=True": (
        "поэлементно: билинейная интерполяция с align_corners=True"
    ),
    "even output $2m$, inside": "чётный выход $2m$ внутри",
    "even output $2m$: only $k = 1$, $o = m$ ($2m = 2o - 1 + k$ forces $k$ odd)": (
        "чётный выход $2m$: только $k = 1$, $o = m$ (из $2m = 2o - 1 + k$ следует, что $k$ нечётно)"
    ),
    r"exactly one residue $c = (j + p) \bmod s$ in $0..s-1$: $N = m = q/s$ for every $j$": (
        r"ровно один остаток $c = (j + p) \bmod s$ среди $0, \dots, s-1$: $N = m = q/s$ при любом $j$"
    ),
    "exchange the finite sums": "переставим конечные суммы",
    "exchange the finite sums over inputs $i$ and taps $k$": (
        "переставим конечные суммы по входам $i$ и элементам ядра $k$"
    ),
    r"for an output $0 \le j \le w - 1$ every position $j + d m$ lies in the padded input": (
        r"для выхода $0 \le j \le w - 1$ каждая позиция $j + d m$ лежит в добитом входе"
    ),
    "an output node": "выход в узле",
    "half-pixel: output $2m$ samples $(2m + 1/2)/2 - 1/2 = m - 1/4$": (
        "сдвиг на полпикселя: выход $2m$ берёт значение в точке $(2m + 1/2)/2 - 1/2 = m - 1/4$"
    ),
    "im2col: the kernel row times the window columns is $(C X)^T$ (S4)": (
        "im2col: строка ядра, умноженная на столбцы окон, --- это $(C X)^T$ (S4)"
    ),
    "in 2-D the rotation reverses both axes": "в 2-D поворот обращает обе оси",
    "in 3-D: 8 corner conditions, 8 coefficients": "в 3-D: 8 условий в углах, 8 коэффициентов",
    "inputs with $s - 1$ zeros in each of the $h - 1$ gaps": (
        "элементы входа с $s - 1$ нулями в каждом из $h - 1$ промежутков"
    ),
    "jump: the next output reads $j_2 = s_1 s_2$ positions further": (
        "скачок: следующий выход читает на $j_2 = s_1 s_2$ позиций дальше"
    ),
    "kernel 4, stride 2, padding 1: output $2h$": "ядро 4, шаг 2, добивка 1: выход $2h$",
    "neighbouring outputs read windows $s$ apart": "соседние выходы читают окна, сдвинутые на $s$",
    "neighbouring taps read inputs $d$ apart": "соседние элементы ядра читают входы через $d$",
    "no dilation, $q = s m$: write $k = s t + c$": "без дилатации, $q = s m$: запишем $k = s t + c$",
    "odd output $2m + 1$, inside ({condition})": "нечётный выход $2m + 1$ внутри ({condition})",
    "odd output $2m + 1$: $k = 0, o = m + 1$ and $k = 2, o = m$": (
        "нечётный выход $2m + 1$: $k = 0, o = m + 1$ и $k = 2, o = m$"
    ),
    "one size less gives $o - 1$": "размер на единицу меньше даёт $o - 1$",
    "one size more gives $o + 1$": "размер на единицу больше даёт $o + 1$",
    (
        r"output channel $b\gamma + \beta$ lies in group $\gamma$"
    ): r"выходной канал $b\gamma + \beta$ лежит в группе $\gamma$",
    "padding $p$: $2h + 1 - 2p$ outputs": "добивка $p$: $2h + 1 - 2p$ выходов",
    "padding $q - 1 - p$ on each side": "добивка $q - 1 - p$ с каждой стороны",
    "padding 0: $2h + 1$ outputs": "добивка 0: $2h + 1$ выходов",
    "receptive field: $r_2 = 1 + d_1(q_1 - 1) + d_2(q_2 - 1) s_1$": (
        "рецептивное поле: $r_2 = 1 + d_1(q_1 - 1) + d_2(q_2 - 1) s_1$"
    ),
    r"shifting the output by $s$ shifts the input by 1: $(x + s) \bmod s = x \bmod s$": (
        r"сдвиг выхода на $s$ сдвигает вход на 1: $(x + s) \bmod s = x \bmod s$"
    ),
    "start: $-(p_1 + s_1 p_2)$": "начало: $-(p_1 + s_1 p_2)$",
    r"starts $0, s, 2s, \dots$ up to the last one": r"начала $0, s, 2s, \dots$ до последнего",
    "stride 1: $h + d(q-1) - d(q-1) - 1 + 1 = h$": "шаг 1: $h + d(q-1) - d(q-1) - 1 + 1 = h$",
    "substitute $m = q - 1 - k$: the rotated kernel becomes $W_k$": (
        "замена $m = q - 1 - k$: повёрнутое ядро становится $W_k$"
    ),
    "the 2-D kernel is the outer product of 1-D kernels (separability)": (
        "ядро в 2-D --- внешнее произведение одномерных ядер (сепарабельность)"
    ),
    "the case $h = 6, q = 3, s = 2, p = 1$ in full": "случай $h = 6, q = 3, s = 2, p = 1$ целиком",
    r"the corner conditions determine $c_0, \dots, c_3$": r"условия в углах определяют $c_0, \dots, c_3$",
    "the delta picks $i = s o - p + d k$; positions outside the input read the zero padding: the sliding window (S1)": (
        "дельта выбирает $i = s o - p + d k$; позиции вне входа читают добивку нулями: скользящее окно (S1)"
    ),
    (
        "the delta picks $o = j + d m - (d(q-1) - p)$, 0 outside the input: the sliding window of the "
        "convolution with stride 1 and padding $d(q-1) - p$ over the zero-padded input"
    ): (
        "дельта выбирает $o = j + d m - (d(q-1) - p)$, 0 вне входа: скользящее окно свёртки с шагом 1 и "
        "добивкой $d(q-1) - p$ по входу, добитому нулями"
    ),
    "the extra zero, when $d(q-1)$ is odd, goes after": "лишний ноль, когда $d(q-1)$ нечётно, идёт в конец",
    "the first output: a zero outside the input": "первый выход: ноль вне входа",
    "the first window starts at the first padded position, $-p$": (
        "первое окно начинается в первой позиции добивки, $-p$"
    ),
    (
        r"the general entry $C_{o,i} = \sum_k W_k \delta_{i, s o - p + d k}$ with the seminar's numbers is the "
        r"slide's 4x16 matrix (S3)"
    ): (
        r"общий элемент $C_{o,i} = \sum_k W_k \delta_{i, s o - p + d k}$ с числами семинара --- это "
        r"матрица 4$\times$16 со слайда (S3)"
    ),
    "the index map: output $o$ reads input $i$ through tap $k$ when $i = s o - p + d k$": (
        "индексное отображение: выход $o$ читает вход $i$ через элемент ядра $k$, когда $i = s o - p + d k$"
    ),
    "the last window ends inside the padded input, fewer than $s$ positions before its end": (
        "последнее окно кончается внутри добитого входа, меньше чем за $s$ позиций до его конца"
    ),
    r"the library's rotation is $W^{\text{rot}}_m = W_{q-1-m}$": (
        r"поворот в библиотеке --- это $W^{\text{rot}}_m = W_{q-1-m}$"
    ),
    "the matrix built for the transposed spec is the transpose of the slide's $C$": (
        "матрица, построенная для транспонированной свёртки, --- транспонированная $C$ со слайда"
    ),
    "the new point {point}": "новая точка {point}",
    "the only tap is $k = 0$: $i = s y - p$, and $i = y$ when $s = 1$, $p = 0$": (
        "единственный элемент ядра $k = 0$: $i = s y - p$, и $i = y$ при $s = 1$, $p = 0$"
    ),
    "the outer product of the 1-D tent $(1/2, 1, 1/2)$": "внешнее произведение одномерного «домика» $(1/2, 1, 1/2)$",
    "the pattern for $q = 3, s = 2$ in 2-D: the product of the 1-D counts {counts}": (
        "узор для $q = 3, s = 2$ в 2-D: внешнее произведение одномерных чисел перекрытий {counts}"
    ),
    "the recipe with the rotated kernel is $C^T Y$": "рецепт с повёрнутым ядром --- это $C^T Y$",
    "the reference interpolation is B2 on each cell (centre shown)": (
        "эталонная интерполяция --- B2 на каждой клетке (показан центр)"
    ),
    "the rotated kernel": "повёрнутое ядро",
    (
        r"the seminar's $3 \times 3$ kernel with $s = 2$: phase $r$ holds $W_{s n + r}$, four phases of sizes "
        r"2x2, 2x1, 1x2, 1x1"
    ): (
        r"ядро семинара $3 \times 3$ при $s = 2$: фаза $r$ содержит $W_{s n + r}$, четыре фазы размеров "
        r"2$\times$2, 2$\times$1, 1$\times$2, 1$\times$1"
    ),
    r"the seminar's $4 \times 4$ input with two channels in two groups: $\mathrm{diag}(C(W_{0,0}), C(W_{1,0}))$": (
        r"вход семинара $4 \times 4$ с двумя каналами в двух группах: $\mathrm{diag}(C(W_{0,0}), C(W_{1,0}))$"
    ),
    "the seminar's kernel: $f^n = 2^2$": "ядро семинара: $f^n = 2^2$",
    "the solution is the seminar's formula B2": "решение --- формула B2 семинара",
    "the tensor product of the 1-D weights $1 - t$, $t$": "тензорное произведение одномерных весов $1 - t$, $t$",
    "the transformed input $w'$": "преобразованный вход $w'$",
    "the two sides add up to $d(q-1)$": "две стороны в сумме дают $d(q-1)$",
    r"the two taps $k = r$ and $k = r + f$ of phase $r$, $0 \le r \le f - 2$, of the tent $1 - |k - (f - 1)|/f$": (
        r"в фазе $r$, $0 \le r \le f - 2$, два веса «домика» $1 - |k - (f - 1)|/f$: $k = r$ и $k = r + f$"
    ),
    "the two terms $t = 0, 1$": "два слагаемых $t = 0, 1$",
    "the unrotated kernel differs: it puts $W_1$ where $C^T$ has $W_0$ (not 0 unless $W_0 = W_1$)": (
        "неповёрнутое ядро даёт другое: оно ставит $W_1$ там, где в $C^T$ стоит $W_0$ (разность не 0, "
        "если $W_0 \\ne W_1$)"
    ),
    "the zero-padded input: a stride-1 convolution with the sub-kernel $W_{s n + r}$": (
        "вход, добитый нулями: свёртка с шагом 1 и подъядром $W_{s n + r}$"
    ),
    "they are $s$ consecutive sizes": "это $s$ последовательных размеров",
    (
        "transposed: columns deleted; $S^T$ inserts the zeros"
    ): "для транспонированной: столбцы удалены; $S^T$ вставляет нули",
    r"two taps reaching the same input differ by a multiple of $d \geq 1$: at most one tap per entry": (
        r"два элемента ядра, попадающие в один вход, отличаются на кратное $d \geq 1$: не больше одного "
        r"элемента на позицию"
    ),
    "which is $(C_s)_{o,i}$, the index map with stride $s$": "а это $(C_s)_{o,i}$, индексное отображение с шагом $s$",
    "window starts in the padded input": "начала окон в добитом входе",
    "with $s = 1$, $p = 0$ the delta picks $x = y$: $(W X)_{o,y}$": (
        "при $s = 1$, $p = 0$ дельта выбирает $x = y$: $(W X)_{o,y}$"
    ),
    "with dilation $d$ (kernel span $d(q-1) + 1$) and output padding $a$: the size formula": (
        "с дилатацией $d$ (размах ядра $d(q-1) + 1$) и добавкой к выходу $a$: формула размера"
    ),
    r"write the tap $k = f t + c'$, $0 \le c' < f$": r"запишем индекс ядра как $k = f t + c'$, $0 \le c' < f$",
    r"write the tap $k = s n + c$ with $0 \le c < s$": r"запишем индекс ядра как $k = s n + c$, $0 \le c < s$",
    "zeros inserted and padded: input $o$ sits at $s o + d(q-1) - p$, the length is $(h-1)s + 1 + 2(d(q-1) - p) + a$": (
        "нули вставлены и добавлена добивка: вход $o$ стоит в позиции $s o + d(q-1) - p$, длина --- "
        "$(h-1)s + 1 + 2(d(q-1) - p) + a$"
    ),
    # ---- the texts of the typeset titles, the relationships as specialisations, B5's steps
    "special case: {params}: the general formula gives relationship {n}": (
        "{params}: частный случай общей формулы, соотношение {n}"
    ),
    "$C X$ is the sliding window, every {dims} spec (S3, general)": (
        "$C X$ --- это скользящее окно, любые параметры в {dims} (S3, общий случай)"
    ),
    "T2: the seminar's recipe equals $C^T Y$, every {dims} spec, and the kernel is rotated": (
        "T2: рецепт семинара равен $C^T Y$ при любых параметрах в {dims}, и ядро повёрнуто"
    ),
    "T3: with $s = 1$ a transposed convolution is a convolution": (
        "T3: при $s = 1$ транспонированная свёртка является свёрткой"
    ),
    r"T1: the transposed convolution's matrix is $C^T$ ($16 \times 4$ in the seminar's case)": (
        r"T1: матрица транспонированной свёртки --- это $C^T$ ($16 \times 4$ в случае семинара)"
    ),
    "T1 with channels: the transposed layer's matrix is $C_F^T$, $F$ the grouped convolution back": (
        "T1 с каналами: матрица транспонированного слоя --- это $C_F^T$, где $F$ --- обратная групповая свёртка"
    ),
    "T6: the transposed convolution's output size, $w = (h-1)s - 2p + q$": (
        "T6: размер выхода транспонированной свёртки, $w = (h-1)s - 2p + q$"
    ),
    r"The convolution's output size, $\lfloor (h + 2p - d(q-1) - 1)/s \rfloor + 1$": (
        r"Размер выхода свёртки, $\lfloor (h + 2p - d(q-1) - 1)/s \rfloor + 1$"
    ),
    r"The seminar's case: the sliding window is $C X = F \, \mathrm{im2col}(X)$ (S1–S4)": (
        r"Случай семинара: скользящее окно --- это $C X = F \, \mathrm{im2col}(X)$ (S1--S4)"
    ),
    r"The worked example: the sliding window is $C X = F \, \mathrm{im2col}(X)$ (S1–S4)": (
        r"Разобранный пример: скользящее окно --- это $C X = F \, \mathrm{im2col}(X)$ (S1--S4)"
    ),
    "The transposed convolution inverts the size map when $a < s$": (
        "Транспонированная свёртка обращает отображение размеров при $a < s$"
    ),
    "Exactly $s$ input sizes give the same output": "Ровно $s$ размеров входа дают один и тот же выход",
    r"$a = (h + 2p - d(q-1) - 1) \bmod s$ picks one": r"$a = (h + 2p - d(q-1) - 1) \bmod s$ выбирает один из них",
    r"Same padding (stride 1): total $d(q-1)$, $\lfloor d(q-1)/2 \rfloor$ before, the rest after": (
        r"Добивка «same» (шаг 1): всего $d(q-1)$, $\lfloor d(q-1)/2 \rfloor$ в начале, остальное в конце"
    ),
    r"Checkerboard overlap: periodic with period $s$, constant exactly when $s \mid q$": (
        r"Шахматные перекрытия: периодичны с периодом $s$, постоянны ровно при $s \mid q$"
    ),
    "Sub-pixel: a stride-$s$ transposed convolution is $s^n$ interleaved stride-1 convolutions": (
        "Субпиксельная форма: транспонированная свёртка с шагом $s$ --- это $s^n$ чередующихся свёрток с шагом 1"
    ),
    "A grouped layer's matrix is block diagonal over groups": "Матрица группового слоя блочно-диагональна по группам",
    "each block a grid of single-channel $C$": "каждый блок --- решётка одноканальных матриц $C$",
    r"A $1 \times 1$ convolution is the matrix product $W X$ over channels at every position": (
        r"Свёртка $1 \times 1$ --- это произведение матриц $W X$ по каналам в каждой позиции"
    ),
    "Bias: a layer is the affine map $C X + b$, one matrix on $(X, 1)$": (
        "Смещение: слой --- аффинное отображение $C X + b$, одна матрица на $(X, 1)$"
    ),
    "layers compose by products": "композиция слоёв --- произведение матриц",
    (
        r"$2 \times 2$ inputs, 2 channels in 2 groups, 4 output channels: the layer's $64 \times 8$ matrix $T$ "
        r"is $C_F^T$, entry by entry"
    ): (
        r"вход $2 \times 2$, 2 канала в 2 группах, 4 выходных канала: матрица слоя $T$ размера $64 \times 8$ "
        r"поэлементно равна $C_F^T$"
    ),
    # ---- bilinear interpolation: B5 and beyond
    r"B5 for a $3 \times 3$ input: the kernel of B4 with $s = 2$, $p = 1$ is bilinear interpolation": (
        r"B5 для входа $3 \times 3$: ядро из B4 при $s = 2$, $p = 1$ даёт билинейную интерполяцию"
    ),
    "T6 with $q = 3$, $s = 2$, $p = 1$": "T6 при $q = 3$, $s = 2$, $p = 1$",
    "T6 with $q = 3$, $s = 2$, $p = 1$: for $h = 3$, $5$ outputs along each axis": (
        "T6 при $q = 3$, $s = 2$, $p = 1$: при $h = 3$ по $5$ выходов вдоль каждой оси"
    ),
    "a node of the input: only the centre tap $W_{1,1} = 1$ reaches output $(2, 2)$, which copies $X_4$": (
        "узел входа: в выход $(2, 2)$ попадает только центральный вес $W_{1,1} = 1$, и выход копирует $X_4$"
    ),
    "$(0.5, 0)$ between two nodes: two taps $1/2$ average them": (
        "$(0.5, 0)$ между двумя узлами: два веса $1/2$ усредняют их"
    ),
    "the centre $(0.5, 0.5)$ of a square: four taps $1/4$ average its four corners": (
        "центр $(0.5, 0.5)$ квадрата: четыре веса $1/4$ усредняют четыре его угла"
    ),
    "B5 for every input size: $s = 2$, $p = 1$ give $2h - 1$ outputs, equal to align_corners=True": (
        "B5 для любого размера входа: $s = 2$, $p = 1$ дают $2h - 1$ выходов, как интерполяция с align_corners=True"
    ),
    (
        r"Output $j$ is $\sum_o \sum_k \delta_{j, 2o - 1 + k} W_k X_o$ with $W = (1/2, 1, 1/2)$. Even outputs "
        r"$2m$ copy $X_m$"
    ): (
        r"Выход $j$ равен $\sum_o \sum_k \delta_{j, 2o - 1 + k} W_k X_o$ при $W = (1/2, 1, 1/2)$. Чётные выходы "
        r"$2m$ копируют $X_m$"
    ),
    (
        "odd outputs $2m + 1$ average $X_m$ and $X_{m+1}$: the two phases of the sub-pixel form, and linear "
        "interpolation at the input's nodes and midpoints."
    ): (
        "нечётные $2m + 1$ усредняют $X_m$ и $X_{m+1}$: это две фазы субпиксельной формы и линейная "
        "интерполяция в узлах входа и серединах между ними."
    ),
    "B5, mind the padding: $p = 0$ gives $2h + 1$ outputs with half-zero ends": (
        "B5 и добивка: при $p = 0$ получается $2h + 1$ выходов, и крайние из них наполовину нулевые"
    ),
    "$p$ crops $p$ from each end": "добивка $p$ обрезает по $p$ значений с каждого конца",
    (
        "With padding 0 the output has $2h + 1$ values and its two ends are $X_0/2$ and $X_{h-1}/2$: "
        "interpolation towards zeros outside the input. Padding $p$ removes $p$ values from each end "
        "($2h + 1 - 2p$ remain)"
    ): (
        "При добивке 0 у выхода $2h + 1$ значений, и его концы --- $X_0/2$ и $X_{h-1}/2$: интерполяция "
        "к нулям вне входа. Добивка $p$ убирает $p$ значений с каждого конца (остаётся $2h + 1 - 2p$)"
    ),
    (
        r"$p = 1$ removes exactly the two half-zero values, $p \ge 2$ removes input nodes. For factor $f$ the "
        r"right padding is $f - 1$."
    ): (
        r"$p = 1$ убирает ровно два крайних, наполовину нулевых значения, а $p \ge 2$ убирает и узлы входа. "
        r"Для множителя $f$ нужна добивка $f - 1$."
    ),
    "the first output: $W_0 X_0$": "первый выход: $W_0 X_0$",
    "the last output: $W_2 X_{h-1}$": "последний выход: $W_2 X_{h-1}$",
    "B2 at the midpoint between a zero outside and $X_0$": "B2 в середине между нулём снаружи и $X_0$",
    "Any factor $f$, any dimension: kernel of size $2f - 1$, stride $f$, padding $f - 1$": (
        "Любой множитель $f$, любая размерность: ядро размера $2f - 1$, шаг $f$, добивка $f - 1$"
    ),
    (
        r"For every factor $f$ (kernel $2f - 1$ with the tent's taps $1 - |k - (f-1)|/f$, stride $f$, padding "
        r"$f - 1$), output $f m + r$ ($1 \le r \le f$) is $(1 - r/f) X^{\text{pad}}_m + (r/f) "
        r"X^{\text{pad}}_{m+1}$: linear interpolation with the input's nodes on every $f$-th output, $(h - 1) "
        r"f + 1$ outputs"
    ): (
        r"Для любого множителя $f$ (ядро $2f - 1$ с весами «домика» $1 - |k - (f-1)|/f$, шаг $f$, "
        r"добивка $f - 1$) выход $f m + r$ ($1 \le r \le f$) равен "
        r"$(1 - r/f) X^{\text{pad}}_m + (r/f) X^{\text{pad}}_{m+1}$: линейная интерполяция, узлы входа "
        r"--- каждый $f$-й выход, всего $(h - 1) f + 1$ выходов"
    ),
    "the N-D kernel is the outer product of 1-D kernels and the operator the Kronecker product of 1-D operators.": (
        "ядро в N-D --- внешнее произведение одномерных ядер, а оператор --- кронекерово произведение "
        "одномерных операторов."
    ),
    "$(C^T X)_{f m + r}$ with the tent's taps": "$(C^T X)_{f m + r}$ с весами «домика»",
    "its weight at $k = 2f - 1$ is 0: one more tap": "вес при $k = 2f - 1$ равен 0: добавим ещё один элемент ядра",
    ("$f m + c + 1 = f(o - 1 + t) + c' + 1$ forces $c' = c$ and $o = m + 1 - t$ (division with remainder is unique)"): (
        "из $f m + c + 1 = f(o - 1 + t) + c' + 1$ следует $c' = c$ и $o = m + 1 - t$ (деление с остатком однозначно)"
    ),
    r"outside the input, the zero-padded $X^{\text{pad}}$": r"вне входа --- добитый нулями $X^{\text{pad}}$",
    (
        r"FCN's kernel against align_corners=False: equal inside, different at the $\lfloor f/2 \rfloor$ "
        r"border outputs"
    ): (r"Ядро FCN и align_corners=False: внутри совпадают, различаются в $\lfloor f/2 \rfloor$ крайних выходах"),
    "For $f = 2$ the FCN kernel is $(1/4, 3/4, 3/4, 1/4)$ with stride 2 and padding 1": (
        "При $f = 2$ ядро FCN --- это $(1/4, 3/4, 3/4, 1/4)$ с шагом 2 и добивкой 1"
    ),
    (
        r"output $2m$ is $X_{m-1}/4 + 3 X_m/4$, which is PyTorch's half-pixel sample at $m - 1/4$ for $m \ge 1$. "
        r"At $m = 0$ PyTorch clamps to $X_0$ while the convolution gives $3 X_0 / 4$ (a zero outside)."
    ): (
        r"выход $2m$ равен $X_{m-1}/4 + 3 X_m/4$, то есть отсчёту PyTorch со сдвигом на полпикселя в точке "
        r"$m - 1/4$ при $m \ge 1$. При $m = 0$ PyTorch прижимает точку к $X_0$, а свёртка даёт $3 X_0 / 4$ "
        r"(снаружи ноль)."
    ),
    r"{count} $(f, h)$ with $f = 2, \dots, 8$: they differ exactly at the outermost $\lfloor f/2 \rfloor$ outputs": (
        r"пар $(f, h)$ при $f = 2, \dots, 8$: {count}; расходятся ровно в крайних $\lfloor f/2 \rfloor$ выходах"
    ),
}
