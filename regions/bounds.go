package regions

const errBound = "regions: bounds need at least one width, each ≥ 1"

// inputDim is n₀, the input dimension of every Net here.
const inputDim = 2

// binom returns C(n, k) (0 if k < 0 or k > n).
func binom(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	c := 1
	for j := 1; j <= k; j++ {
		c = c * (n - k + j) / j // exact: c·(n−k+j) is j·C(n−k+j, j)
	}
	return c
}

// ShallowBound returns the most regions n lines can cut the plane into,
// Σ_{j=0}^{2} C(n,j) = 1 + n + n(n−1)/2 (Zaslavsky; reached by lines in
// general position): the most linear regions of a one-layer net with n
// units. It panics if n < 0.
func ShallowBound(n int) int {
	if n < 0 {
		panic(errBound)
	}
	return 1 + n + n*(n-1)/2
}

// SerraBound returns the upper bound of Serra, Tjandraatmadja & Ramalingam
// (ICML 2018), "Bounding and counting linear regions of deep neural
// networks", Theorem 1, on the number of linear regions (activation
// patterns) of a ReLU network with input dimension n₀ = 2 and hidden
// widths n₁..n_L, over the whole plane (so also in any view):
//
//	Σ_{(j₁..j_L) ∈ J} Π_{l=1}^{L} C(n_l, j_l),
//	J = {(j₁..j_L) ∈ ℤ^L : 0 ≤ j_l ≤ min(n₀, n₁−j₁, …, n_{l−1}−j_{l−1}, n_l) for all l}.
//
// For L = 1 it is ShallowBound(n₁), which is tight. The theorem uses that
// an inactive ReLU outputs 0 (a layer with j active units leaves at most
// j dimensions to cut), so it is for ReLU only: for leaky ReLU use
// ProductBound. It panics if widths is empty or has a width < 1.
func SerraBound(widths []int) int {
	checkBoundWidths(widths)
	// sum over j_l for layers l..L given the running cap min(n₀, n_k − j_k
	// for k < l).
	var sum func(l, capJ int) int
	sum = func(l, capJ int) int {
		if l == len(widths) {
			return 1
		}
		n := widths[l]
		total := 0
		for j := 0; j <= min(capJ, n); j++ {
			total += binom(n, j) * sum(l+1, min(capJ, n-j))
		}
		return total
	}
	return sum(0, inputDim)
}

// ProductBound returns Π_{l=1}^{L} Σ_{j=0}^{d_l} C(n_l, j) with d_l =
// min(n₀, n₁, …, n_l): Montúfar's (2017) bound, which Serra et al. state
// as the one their Theorem 1 tightens. Its argument needs only that every
// layer is affine on a region of the layers before (each region is cut by
// at most n_l lines, of rank at most d_l), so it holds for leaky ReLU too.
// It panics as SerraBound does.
func ProductBound(widths []int) int {
	checkBoundWidths(widths)
	p, d := 1, inputDim
	for _, n := range widths {
		d = min(d, n)
		s := 0
		for j := 0; j <= d; j++ {
			s += binom(n, j)
		}
		p *= s
	}
	return p
}

// HaninRolnickOrder returns N²/2 for N = Σ n_l hidden units: the order of
// the number of regions per unit area of the plane at a typical random
// initialisation, after Hanin & Rolnick (ICML 2019), "Complexity of linear
// regions in deep networks": at initialisation the number of regions
// along a line grows linearly in the total number of neurons (not
// exponentially with depth), and in an n₀-dimensional slice like
// (constant·N)^n₀/n₀! per unit volume, here n₀ = 2. It is an order of
// magnitude to show beside a count, not a bound: the constant depends on
// the weights' and biases' scale (HeInit's zero biases put every kink
// through the origin, where far fewer regions form) and a view holds a
// part of the plane.
func HaninRolnickOrder(widths []int) float64 {
	checkBoundWidths(widths)
	N := 0
	for _, n := range widths {
		N += n
	}
	return float64(N) * float64(N) / 2
}

func checkBoundWidths(widths []int) {
	if len(widths) == 0 {
		panic(errBound)
	}
	for _, n := range widths {
		if n < 1 {
			panic(errBound)
		}
	}
}
